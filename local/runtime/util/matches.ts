/**
 * `util.matches(pattern, value)`: Java `Pattern.matches` — the WHOLE value must match, not a part of
 * it (`matches("a*b", "aaaaab")` is true, `matches("a", "ba")` false; spec appsync-js-runtime.md
 * §3.1, checklist 54-55).
 *
 * The pattern is run by JavaScript's RegExp, whose dialect is close to Java's for everyday patterns
 * (classes, quantifiers, groups, alternation, `\d \w \s \b`, lookaround, back-references). Known
 * differences:
 * - leading inline flags `(?i)`, `(?m)`, `(?s)` (any combination) are turned into RegExp flags; inline
 *   flags elsewhere, `(?x)`, possessive quantifiers (`a*+`), atomic groups (`(?>…)`), `\A \Z \z`,
 *   `\Q…\E` and POSIX classes `\p{Alpha}` are not Java-compatible here: the first four are refused
 *   as invalid by RegExp, the others silently mean something else;
 * - `\p{L}`-style Unicode properties are not understood (RegExp runs without the `u` flag so that
 *   Java's lenient escapes like `\-` or `[\w-]` keep working).
 * An invalid pattern is refused like Java's `PatternSyntaxException` would fail the call; AWS's
 * message for it is unconfirmed, so RegExp's own message is reported.
 */
import { BuiltinInputError } from '../signals.js';
import { expectString } from './arguments.js';

const LEADING_FLAGS = /^\(\?([ims]+)\)/;

function compileFullMatch(pattern: string): RegExp {
  const flags = LEADING_FLAGS.exec(pattern);
  const source = flags ? pattern.slice(flags[0].length) : pattern;
  const flagText = [...new Set(flags?.[1] ?? '')].join('');
  try {
    // Compiled alone first, so that an error message shows the resolver's pattern, not our wrapper.
    new RegExp(source, flagText);
  } catch (error) {
    throw new BuiltinInputError(`util.matches: invalid pattern: ${(error as Error).message}`);
  }
  // `(?![\s\S])` is "end of input" whatever the `m` flag says; `y` anchors the match at index 0.
  return new RegExp(`(?:${source})(?![\\s\\S])`, `${flagText}y`);
}

function matches(pattern: unknown, value: unknown): boolean {
  const regex = compileFullMatch(expectString(pattern, 'util.matches', 'pattern'));
  return regex.test(expectString(value, 'util.matches', 'value'));
}

export const matchUtils = { matches };
