import { GraphQLScalarType, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { ScalarParseError, ScalarSerializeError } from './scalar-errors.js';

/** An AppSync scalar whose values are strings in a checked format (all but AWSTimestamp and AWSJSON). */
export interface StringScalarSpec {
  name: string;
  /** The noun AppSync uses in its messages ("date", "DateTime Object", "phone number"). */
  noun: string;
  description: string;
  isValid(text: string): boolean;
}

/**
 * Builds a scalar that accepts only strings passing `isValid`, on input (string literals and variables)
 * and on output, and passes them through unchanged (AppSync echoes the stored string verbatim, spec
 * appsync-graphql-engine.md §2.2).
 */
export function stringScalar(spec: StringScalarSpec): GraphQLScalarType {
  const accepts = (value: unknown): value is string => typeof value === 'string' && spec.isValid(value);
  return new GraphQLScalarType({
    name: spec.name,
    description: spec.description,
    serialize(value) {
      if (accepts(value)) return value;
      throw new ScalarSerializeError(spec.name, spec.noun, value);
    },
    parseValue(value) {
      if (accepts(value)) return value;
      throw new ScalarParseError(spec.name, spec.noun, value);
    },
    parseLiteral(node: ValueNode) {
      if (node.kind === Kind.STRING && spec.isValid(node.value)) return node.value;
      throw new ScalarParseError(spec.name, spec.noun, node.kind === Kind.STRING ? node.value : node.kind);
    },
  });
}
