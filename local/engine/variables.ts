/**
 * Variable coercion with AppSync's messages and its explicit-null quirk (spec appsync-graphql-engine.md
 * §1.5): one error per bad variable, `Variable '<name>' has an invalid value. <detail>`, `path: null`,
 * located at the variable definition; a declared nullable variable that was not supplied reaches the
 * resolvers as an explicit `null` argument (observed, aws-appsync-community #348).
 */
import { coerceInputValue, isInputType, isNonNullType, typeFromAST } from 'graphql';
import type { GraphQLSchema, OperationDefinitionNode, VariableDefinitionNode } from 'graphql';
import type { PositionedError } from './error-format.js';
import type { ExecuteRequest } from './types.js';

export type VariableCoercion =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; errors: PositionedError[] };

/**
 * Checks the supplied values against the operation's definitions and returns the values graphql-js
 * should execute with: the supplied ones, plus `null` for each absent nullable variable without a default.
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  supplied: Record<string, unknown>,
): VariableCoercion {
  const values: Record<string, unknown> = { ...supplied };
  const errors: PositionedError[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!isInputType(type)) continue; // reported by validation (UnknownType, NonInputTypeOnVariable)
    const provided = Object.hasOwn(supplied, name);
    if (!provided && definition.defaultValue !== undefined) continue;
    const value = provided ? supplied[name] : null;
    if (value === null || value === undefined) {
      if (isNonNullType(type)) {
        errors.push(variableError(definition, `Variable '${name}' has coerced Null value for NonNull type '${String(type)}'`));
      } else {
        values[name] = null;
      }
      continue;
    }
    let detail: string | undefined;
    coerceInputValue(value, type, (_path, invalid, error) => {
      detail ??= error.originalError?.message ?? builtInScalarDetail(error.message, invalid) ?? error.message;
    });
    if (detail !== undefined) errors.push(variableError(definition, `Variable '${name}' has an invalid value. ${detail}`));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

const BUILT_IN_SCALAR_REFUSAL = /^(Int|Float|String|Boolean|ID) cannot represent/;

/**
 * graphql-java's coercion sentence for the built-in scalars, `Expected type 'Int' but was 'String'.`,
 * with Java class names for the JSON value (unconfirmed for AppSync).
 */
function builtInScalarDetail(message: string, value: unknown): string | undefined {
  const match = BUILT_IN_SCALAR_REFUSAL.exec(message);
  return match === null ? undefined : `Expected type '${match[1]}' but was '${javaClassName(value)}'.`;
}

function javaClassName(value: unknown): string {
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Double';
  if (Array.isArray(value)) return 'ArrayList';
  return 'LinkedHashMap';
}

function variableError(definition: VariableDefinitionNode, message: string): PositionedError {
  const start = definition.loc?.startToken;
  const line = start?.line ?? 0;
  const column = start?.column ?? 0;
  return { line, column, path: [], error: { path: null, locations: [{ line, column, sourceName: null }], message } };
}

/** The request's variables; anything but a JSON object counts as none (the HTTP layer checks the body). */
export function suppliedVariables(request: ExecuteRequest): Record<string, unknown> {
  const { variables } = request;
  return typeof variables === 'object' && variables !== null && !Array.isArray(variables) ? variables : {};
}
