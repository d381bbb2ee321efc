import { GraphQLScalarType, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { ScalarParseError, ScalarSerializeError } from './scalar-errors.js';

const NOUN = 'timestamp';
const INTEGER_TEXT = /^-?\d+$/;

/**
 * AWSTimestamp: integer seconds since the epoch, negative allowed, beyond 32 bits allowed (a Java long).
 * Input must be an integer literal or JSON number; strings are refused (unconfirmed, spec
 * appsync-graphql-engine.md §2.2 and §7 item 33). On output a numeric string is accepted and turned
 * into a number, as graphql-java's Long coercion does (unconfirmed).
 */
export const AWSTimestamp = new GraphQLScalarType({
  name: 'AWSTimestamp',
  description: 'Seconds since 1970-01-01T00:00Z, as an integer.',
  serialize(value) {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string' && INTEGER_TEXT.test(value)) return Number(value);
    throw new ScalarSerializeError('AWSTimestamp', NOUN, value);
  },
  parseValue(value) {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    throw new ScalarParseError('AWSTimestamp', NOUN, value);
  },
  parseLiteral(node: ValueNode) {
    if (node.kind === Kind.INT) return Number(node.value);
    throw new ScalarParseError('AWSTimestamp', NOUN, node.kind);
  },
});
