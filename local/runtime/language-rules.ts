/**
 * The APPSYNC_JS language subset, checked the way AppSync checks it when a resolver is created:
 * `@aws-appsync/eslint-plugin` 2.0.2 with its `recommended` config, type-aware rules included
 * (spec appsync-js-runtime.md §2.2-2.3), plus `liveboard/no-throw` for the one documented gap.
 * ESLint runs in-process through its Node API; one `Linter` serves every call.
 */
import appsync from '@aws-appsync/eslint-plugin';
import { Linter, type ESLint, type Rule } from 'eslint';
import type ts from 'typescript';
import type { CodeError } from './types.js';

const linter = new Linter({ configType: 'flat', cwd: '/' });

/** The plugin's flat `recommended` config (its typings declare `configs` as optional). */
const recommended = appsync.configs!.recommended as Linter.Config;

/**
 * AppSync's documentation lists `throw` with try/catch as unsupported (spec §2.2, checklist item 25)
 * but the plugin has no rule for it; this one fills the gap (its message is ours).
 */
const noThrow: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { noThrow: 'Throw statements are not supported. Use util.error().' } },
  create: (context) => ({ ThrowStatement: (node) => context.report({ node, messageId: 'noThrow' }) }),
};
const liveboardPlugin: ESLint.Plugin = { rules: { 'no-throw': noThrow } };

function configFor(program: ts.Program): Linter.Config[] {
  return [
    {
      ...recommended,
      files: ['**/*.js', '**/*.ts'],
      languageOptions: {
        ...recommended.languageOptions,
        ecmaVersion: 2022,
        sourceType: 'module',
        parserOptions: { programs: [program] },
      },
      plugins: { ...recommended.plugins, liveboard: liveboardPlugin },
      rules: { ...recommended.rules, 'liveboard/no-throw': 'error' },
    },
  ];
}

function offsetOf(lineStarts: number[], line: number, column: number): number {
  return (lineStarts[line - 1] ?? 0) + column - 1;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/**
 * Lints `fileName` (which `program` must contain with exactly `text`). A syntax error is one
 * `PARSER_ERROR` (value `Parsing error: ...`, as in the AppSync API model's example); each rule
 * violation is a `LINT_ERROR` carrying its rule id. Locations are 1-based; `span` is the length of
 * the reported node in characters, or -1 when ESLint gives no end.
 */
export function lintResolver(program: ts.Program, fileName: string, text: string): CodeError[] {
  const messages = linter.verify(text, configFor(program), { filename: fileName });
  const lineStarts = lineStartsOf(text);
  return messages.map((message): CodeError => {
    const span =
      message.endLine === undefined || message.endColumn === undefined
        ? -1
        : offsetOf(lineStarts, message.endLine, message.endColumn) - offsetOf(lineStarts, message.line, message.column);
    if (message.fatal || message.ruleId === null) {
      // ESLint passes the parser's column through; typescript-estree's is 0-based.
      return { errorType: 'PARSER_ERROR', value: message.message, location: { line: message.line, column: message.column + 1, span: -1 } };
    }
    const location = { line: message.line, column: message.column, span };
    return { errorType: 'LINT_ERROR', value: message.message, location, rule: message.ruleId };
  });
}
