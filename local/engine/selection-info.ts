/**
 * `ctx.info.selectionSetList` and `ctx.info.selectionSetGraphQL` (spec appsync-js-runtime.md §1.2,
 * appsync-graphql-engine.md §4.3): the field's sub-selection as `/`-joined response keys (aliases only,
 * fragments expanded) and as printed GraphQL (named fragment spreads kept as spreads).
 */
import { Kind, print } from 'graphql';
import type { FieldNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';

export interface SelectionInfo {
  selectionSetList: string[];
  selectionSetGraphQL: string;
}

const cache = new WeakMap<readonly FieldNode[], SelectionInfo>();

/**
 * Computed once per set of field nodes: graphql-js reuses the same array for every element of a list, so
 * a resolver running once per element does not re-walk its selection.
 */
export function selectionInfo(
  fieldNodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): SelectionInfo {
  let info = cache.get(fieldNodes);
  if (info === undefined) {
    const selectionSets = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    info = {
      selectionSetList: listSelectionPaths(selectionSets, fragments),
      selectionSetGraphQL: printMergedSelection(selectionSets),
    };
    cache.set(fieldNodes, info);
  }
  return info;
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
