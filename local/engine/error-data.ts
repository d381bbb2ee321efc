/**
 * The `data` of a resolver's error as AppSync puts it in the response: filtered through the field's
 * selection set, while `errorInfo` is copied verbatim (spec appsync-graphql-engine.md §5.2,
 * appsync-js-runtime.md §3.1; the @aws-appsync/utils 2.1.1 typings of `util.error` and
 * `util.appendError` say the same for APPSYNC_JS: "`data` will be filtered based on the query selection
 * set … `errorInfo` will NOT be filtered").
 *
 * How the filter treats each case is not documented; ours (unconfirmed) shapes `data` as the field's
 * value would be shaped:
 * - an object keeps the selected fields only, read by field name and written under the response key
 *   (an alias renames, as in `data`); a selected field the object lacks is left out, not set to null;
 * - a list is filtered element by element; anything else (a string, a number, null) is kept as is;
 * - a field without a sub-selection keeps its whole value; a field of a leaf type (no sub-selection at
 *   all) keeps `data` as is;
 * - fragments are expanded whatever their type condition (the data carries no type), `@skip`/`@include`
 *   are honoured.
 */
import type { FieldNode, SelectionSetNode } from 'graphql';
import { setEntry } from '../runtime/dynamodb/attribute-values.js';
import type { ResolverErrorEntry } from '../runtime/types.js';
import { collectFields, subSelections } from './collect-fields.js';
import type { SelectionScope } from './collect-fields.js';

/** `entry` with its `data` filtered through the sub-selection of `fieldNodes`. */
export function withSelectedErrorData(entry: ResolverErrorEntry, fieldNodes: readonly FieldNode[], scope: SelectionScope): ResolverErrorEntry {
  if (typeof entry.data !== 'object' || entry.data === null) return entry;
  return { ...entry, data: selectedData(entry.data, subSelections(fieldNodes), scope) };
}

function selectedData(value: unknown, selectionSets: readonly SelectionSetNode[], scope: SelectionScope): unknown {
  if (selectionSets.length === 0 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => selectedData(item, selectionSets, scope));
  const selected: Record<string, unknown> = {};
  for (const [responseKey, nodes] of collectFields(selectionSets, scope)) {
    const fieldName = nodes[0]!.name.value;
    if (!Object.hasOwn(value, fieldName)) continue;
    const item = selectedData((value as Record<string, unknown>)[fieldName], subSelections(nodes), scope);
    setEntry(selected, responseKey, item);
  }
  return selected;
}
