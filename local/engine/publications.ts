/**
 * What a mutation publishes to `@aws_subscribe` subscribers (spec appsync-realtime.md §4.1-4.2): each
 * Mutation root field that completed with a value, as the mutation selected it. Aliases are removed so
 * that a subscriber's selection (by field name) finds the fields; fields the mutation did not select are
 * absent, hence null for subscribers.
 */
import type { FieldNode, OperationDefinitionNode } from 'graphql';
import { collectFields, subSelections } from './collect-fields.js';
import type { SelectionScope } from './collect-fields.js';
import type { Publication } from './types.js';

export function mutationPublications(
  operation: OperationDefinitionNode,
  data: Record<string, unknown> | null,
  scope: SelectionScope,
): Publication[] {
  if (data === null) return [];
  const publications: Publication[] = [];
  for (const [responseKey, fieldNodes] of collectFields([operation.selectionSet], scope)) {
    const value = data[responseKey];
    if (value === null || value === undefined) continue;
    publications.push({ fieldName: fieldNodes[0]!.name.value, value: unaliased(value, fieldNodes, scope) });
  }
  return publications;
}

function unaliased(value: unknown, fieldNodes: readonly FieldNode[], scope: SelectionScope): unknown {
  if (Array.isArray(value)) return value.map((item) => unaliased(item, fieldNodes, scope));
  const selections = subSelections(fieldNodes);
  if (value === null || typeof value !== 'object' || selections.length === 0) return value;
  const result: Record<string, unknown> = {};
  for (const [responseKey, nodes] of collectFields(selections, scope)) {
    const fieldName = nodes[0]!.name.value;
    if (fieldName in result || !(responseKey in value)) continue;
    result[fieldName] = unaliased((value as Record<string, unknown>)[responseKey], nodes, scope);
  }
  return result;
}
