/**
 * Renders a GraphQL value literal the way graphql-java's AST `toString()` does, as AppSync shows it in
 * WrongType messages: `StringValue{value='2019'}`, `IntValue{value=10}`,
 * `ObjectValue{objectFields=[ObjectField{name='upvotes', value=IntValue{value=10}}]}` (spec
 * appsync-graphql-engine.md §1.4, observed).
 */
import { Kind } from 'graphql';
import type { ObjectFieldNode, ValueNode } from 'graphql';

export function renderJavaAst(node: ValueNode | ObjectFieldNode): string {
  switch (node.kind) {
    case Kind.STRING:
      return `StringValue{value='${node.value}'}`;
    case Kind.INT:
      return `IntValue{value=${node.value}}`;
    case Kind.FLOAT:
      return `FloatValue{value=${node.value}}`;
    case Kind.BOOLEAN:
      return `BooleanValue{value=${node.value}}`;
    case Kind.NULL:
      return 'NullValue{}';
    case Kind.ENUM:
      return `EnumValue{name='${node.value}'}`;
    case Kind.VARIABLE:
      return `VariableReference{name='${node.name.value}'}`;
    case Kind.LIST:
      return `ArrayValue{values=[${node.values.map(renderJavaAst).join(', ')}]}`;
    case Kind.OBJECT:
      return `ObjectValue{objectFields=[${node.fields.map(renderJavaAst).join(', ')}]}`;
    case Kind.OBJECT_FIELD:
      return `ObjectField{name='${node.name.value}', value=${renderJavaAst(node.value)}}`;
  }
}
