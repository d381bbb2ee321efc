/**
 * Facts about the nodes of a query document that graphql-java puts in its validation messages and that
 * graphql-js errors do not carry: the query path (`@ 'a/b'`), a field's parent type, an argument value's
 * dotted path (`input.dt`) and expected input type. Built only when a document failed validation.
 */
import { Kind, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import type { ASTNode, GraphQLInputType, GraphQLNamedType, GraphQLSchema, DocumentNode } from 'graphql';

export interface NodeFacts {
  /** Response keys of the enclosing fields, the node itself included when it is a field. */
  queryPath: string[];
  parentType: GraphQLNamedType | null | undefined;
  /** For values inside an argument: `arg` or `arg.field.sub`; null elsewhere. */
  argumentPath: string | null;
  inputType: GraphQLInputType | null | undefined;
}

export class DocumentFacts {
  readonly #facts = new Map<ASTNode, NodeFacts>();

  constructor(schema: GraphQLSchema, document: DocumentNode) {
    const typeInfo = new TypeInfo(schema);
    const facts = this.#facts;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        enter(node, _key, parent, _path, ancestors) {
          // `ancestors` stops short of the direct parent, which comes separately.
          const nodes = [...ancestors, parent].filter((item): item is ASTNode => item !== undefined && !Array.isArray(item));
          facts.set(node, {
            queryPath: queryPathOf([...nodes, node]),
            parentType: typeInfo.getParentType(),
            argumentPath: argumentPathOf([...nodes, node]),
            inputType: typeInfo.getInputType(),
          });
        },
      }),
    );
  }

  of(node: ASTNode): NodeFacts {
    return this.#facts.get(node) ?? { queryPath: [], parentType: null, argumentPath: null, inputType: null };
  }
}

function queryPathOf(nodes: readonly ASTNode[]): string[] {
  return nodes.flatMap((node) => (node.kind === Kind.FIELD ? [(node.alias ?? node.name).value] : []));
}

function argumentPathOf(nodes: readonly ASTNode[]): string | null {
  const start = nodes.findIndex((node) => node.kind === Kind.ARGUMENT);
  if (start === -1) return null;
  return nodes
    .slice(start)
    .flatMap((node) => (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD ? [node.name.value] : []))
    .join('.');
}
