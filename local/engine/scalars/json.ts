import { GraphQLScalarType, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { ScalarParseError } from './scalar-errors.js';

const NOUN = 'JSON';

function parseJsonText(text: unknown): unknown {
  if (typeof text === 'string') {
    try {
      return JSON.parse(text);
    } catch {
      // fall through to AppSync's parse error
    }
  }
  throw new ScalarParseError('AWSJSON', NOUN, text);
}

/**
 * AWSJSON (spec appsync-graphql-engine.md §2.2): input is a string holding any JSON value; resolvers get
 * the parsed value. An object literal in the query text is refused (WrongType). On output a string is
 * passed through as it is (a resolver may return JSON text) and any other value is JSON-encoded, so the
 * client always receives a string.
 */
export const AWSJSON = new GraphQLScalarType({
  name: 'AWSJSON',
  description: 'A JSON string; resolvers receive the parsed value.',
  serialize(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
  },
  parseValue: parseJsonText,
  parseLiteral(node: ValueNode) {
    return parseJsonText(node.kind === Kind.STRING ? node.value : node.kind);
  },
});
