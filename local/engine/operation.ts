import { Kind } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { PositionedError } from './error-format.js';
import { operationSelectionError } from './request-errors.js';

export type OperationSelection =
  | { ok: true; operation: OperationDefinitionNode; fragments: Record<string, FragmentDefinitionNode> }
  | { ok: false; error: PositionedError };

/**
 * Picks the operation to run and checks the schema has its root type (graphql-java's messages,
 * unconfirmed for AppSync: spec appsync-graphql-engine.md §1.4).
 */
export function selectOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationSelection {
  const selection = findOperation(document, operationName);
  if (selection.ok && schema.getRootType(selection.operation.operation) === undefined) {
    const kind = selection.operation.operation === 'mutation' ? 'mutations' : 'subscriptions';
    return { ok: false, error: operationSelectionError(`Schema is not configured for ${kind}.`) };
  }
  return selection;
}

function findOperation(document: DocumentNode, operationName: string | null | undefined): OperationSelection {
  const operations: OperationDefinitionNode[] = [];
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  if (operationName !== null && operationName !== undefined) {
    const named = operations.find((operation) => operation.name?.value === operationName);
    if (named === undefined) return { ok: false, error: operationSelectionError(`Unknown operation named '${operationName}'.`) };
    return { ok: true, operation: named, fragments };
  }
  if (operations.length !== 1) {
    const message =
      operations.length === 0
        ? 'Must provide an operation.'
        : 'Must provide operation name if query contains multiple operations.';
    return { ok: false, error: operationSelectionError(message) };
  }
  return { ok: true, operation: operations[0]!, fragments };
}
