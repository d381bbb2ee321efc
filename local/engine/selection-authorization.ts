/**
 * The first field of a selection the caller may not read, walking the selection with its types. Used at
 * subscription start: "fields in the subscriber's selection set are checked against the same mode at
 * start time" (spec appsync-realtime.md §5, unconfirmed). Introspection fields are not checked (engine
 * spec §3.3 rule 9).
 */
import { getNamedType, isAbstractType, isObjectType } from 'graphql';
import type { FieldNode, GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { collectFields, subSelections } from './collect-fields.js';
import type { SelectionScope } from './collect-fields.js';

export interface DeniedSelection {
  typeName: string;
  fieldName: string;
  path: string[];
  node: FieldNode;
}

export function findDeniedSelection(
  schema: GraphQLSchema,
  fieldNodes: readonly FieldNode[],
  type: GraphQLNamedType,
  scope: SelectionScope,
  isAllowed: (typeName: string, fieldName: string) => boolean,
  path: string[] = [],
): DeniedSelection | undefined {
  const selections = subSelections(fieldNodes);
  if (selections.length === 0) return undefined;
  const objectTypes: readonly GraphQLObjectType[] = isAbstractType(type)
    ? schema.getPossibleTypes(type)
    : isObjectType(type)
      ? [type]
      : [];
  for (const objectType of objectTypes) {
    const fields = objectType.getFields();
    for (const [responseKey, nodes] of collectFields(selections, scope)) {
      const node = nodes[0]!;
      const field = fields[node.name.value];
      if (field === undefined) continue; // __typename, or a field of another type of the union
      const fieldPath = [...path, responseKey];
      if (!isAllowed(objectType.name, field.name)) return { typeName: objectType.name, fieldName: field.name, path: fieldPath, node };
      const denied = findDeniedSelection(schema, nodes, getNamedType(field.type), scope, isAllowed, fieldPath);
      if (denied !== undefined) return denied;
    }
  }
  return undefined;
}
