/**
 * `ctx.info.selectionSetList` and `ctx.info.selectionSetGraphQL` (spec appsync-js-runtime.md §1.2,
 * appsync-graphql-engine.md §4.3): the field's sub-selection as `/`-joined response keys (aliases only,
 * fragments expanded) and as printed GraphQL (named fragment spreads kept as spreads).
 */
import { Kind, print } from 'graphql';
import type { FieldNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import { subSelections } from './collect-fields.js';

export interface SelectionInfo {
  selectionSetList: string[];
  selectionSetGraphQL: string;
}

/** Keyed by the first field node: nodes belong to the (cached) parsed document, so they outlive requests. */
const cache = new WeakMap<FieldNode, { fieldNodes: readonly FieldNode[]; info: SelectionInfo }>();

/**
 * Computed once per set of field nodes of a document. graphql-js builds a new node array for each
 * field of each execution (and shares it between the elements of a list), so the array itself is no
 * key that lasts beyond one request; its nodes are.
 */
export function selectionInfo(
  fieldNodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): SelectionInfo {
  const first = fieldNodes[0];
  if (first === undefined) return computeSelectionInfo(fieldNodes, fragments);
  const known = cache.get(first);
  if (known !== undefined && sameNodes(known.fieldNodes, fieldNodes)) return known.info;
  const info = computeSelectionInfo(fieldNodes, fragments);
  cache.set(first, { fieldNodes, info });
  return info;
}

function sameNodes(a: readonly FieldNode[], b: readonly FieldNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function computeSelectionInfo(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): SelectionInfo {
  const selectionSets = subSelections(fieldNodes);
  return {
    selectionSetList: listSelectionPaths(selectionSets, fragments),
    selectionSetGraphQL: printMergedSelection(selectionSets),
  };
}

function listSelectionPaths(
  selectionSets: SelectionSetNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): string[] {
  const paths = new Set<string>();
  const visit = (selectionSet: SelectionSetNode, prefix: string, seenFragments: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const path = prefix + (selection.alias ?? selection.name).value;
        paths.add(path);
        if (selection.selectionSet) visit(selection.selectionSet, `${path}/`, seenFragments);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, prefix, seenFragments);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment === undefined || seenFragments.has(fragment.name.value)) continue;
        visit(fragment.selectionSet, prefix, new Set(seenFragments).add(fragment.name.value));
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet, '', new Set());
  return [...paths];
}

function printMergedSelection(selectionSets: SelectionSetNode[]): string {
  if (selectionSets.length === 0) return '';
  const merged: SelectionSetNode = {
    kind: Kind.SELECTION_SET,
    selections: selectionSets.flatMap((selectionSet) => selectionSet.selections),
  };
  return print(merged);
}
