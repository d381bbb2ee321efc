/**
 * Request-level errors raised before execution, in graphql-java's wording, `path: null` (spec
 * appsync-graphql-engine.md §1.2, §1.4: syntax and operation selection texts are unconfirmed).
 */
import { Lexer, Source, TokenKind } from 'graphql';
import type { GraphQLError } from 'graphql';
import type { PositionedError } from './error-format.js';

/** `Invalid Syntax : offending token '}' at line 1 column 5` (graphql-java's InvalidSyntaxError). */
export function syntaxError(error: GraphQLError, query: string): PositionedError {
  const [location] = error.locations ?? [];
  const line = location?.line ?? 1;
  const column = location?.column ?? 1;
  const token = offendingToken(query, error.positions?.[0] ?? 0);
  return {
    line,
    column,
    path: [],
    error: {
      path: null,
      locations: [{ line, column, sourceName: null }],
      message: `Invalid Syntax : offending token '${token}' at line ${line} column ${column}`,
    },
  };
}

function offendingToken(query: string, position: number): string {
  const lexer = new Lexer(new Source(query));
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (token.end > position) return token.value ?? token.kind;
    }
    return '<EOF>';
  } catch {
    // The lexer itself failed here (bad character, unterminated string): report that character.
    return query.charAt(position) || '<EOF>';
  }
}

/** Operation selection failures: no operation, ambiguous without `operationName`, or unknown name. */
export function operationSelectionError(message: string): PositionedError {
  return { line: 0, column: 0, path: [], error: { path: null, locations: null, message } };
}
