/**
 * Validates a query document and words each violation as AppSync (graphql-java) does:
 * `Validation error of type <Type>: <detail> @ '<query path>'` with `path: null` (spec
 * appsync-graphql-engine.md §1.2, §1.4). FieldUndefined, UnknownType and WrongType texts are observed;
 * the other rules follow graphql-java 9-13 wording (unconfirmed).
 */
import {
  ExecutableDefinitionsRule,
  FieldsOnCorrectTypeRule,
  FragmentsOnCompositeTypesRule,
  KnownArgumentNamesRule,
  KnownDirectivesRule,
  KnownFragmentNamesRule,
  KnownTypeNamesRule,
  LoneAnonymousOperationRule,
  NoFragmentCyclesRule,
  NoSchemaIntrospectionCustomRule,
  NoUndefinedVariablesRule,
  NoUnusedFragmentsRule,
  NoUnusedVariablesRule,
  OverlappingFieldsCanBeMergedRule,
  PossibleFragmentSpreadsRule,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
  SingleFieldSubscriptionsRule,
  UniqueArgumentNamesRule,
  UniqueDirectivesPerLocationRule,
  UniqueFragmentNamesRule,
  UniqueOperationNamesRule,
  UniqueVariableNamesRule,
  ValuesOfCorrectTypeRule,
  VariablesAreInputTypesRule,
  VariablesInAllowedPositionRule,
  Kind,
  getNamedType,
  specifiedRules,
  validate,
} from 'graphql';
import type { ASTNode, DocumentNode, GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import type { PositionedError } from '../error-format.js';
import { DocumentFacts } from './document-facts.js';
import { renderJavaAst } from './java-ast-render.js';

interface JavaViolation {
  /** graphql-java's ValidationErrorType name. */
  type: string;
  detail: string;
  /** The node whose query path and location the error reports. */
  node: ASTNode | undefined;
  /** False for errors graphql-java reports without a query path (operation-level ones). */
  withPath?: boolean;
  /**
   * True for rules graphql-java reports when it leaves the document (unused variables and fragments):
   * such errors come after the ones found on the way (spec §7 item 13: UnknownType first).
   */
  reportedAtEnd?: boolean;
}

/** Words one graphql-js error; null drops it (graphql-js reports more than graphql-java for that rule). */
type Describe = (error: GraphQLError, facts: DocumentFacts) => JavaViolation | null;

/** Quoted names in a graphql-js message, in order (`"$x"` → `x`, `"@d"` → `d`). */
function quoted(message: string): string[] {
  return [...message.matchAll(/"([^"]*)"/g)].map((match) => match[1]!.replace(/^[$@]/, ''));
}

/** A graphql-js sentence made graphql-java-like: no double quotes, no final period. */
function unquoted(message: string): string {
  return message.replaceAll('"', '').replace(/\.$/, '');
}

const firstNode = (error: GraphQLError): ASTNode | undefined => error.nodes?.[0];
const lastNode = (error: GraphQLError): ASTNode | undefined => error.nodes?.[error.nodes.length - 1];

function fieldUndefined(error: GraphQLError, facts: DocumentFacts): JavaViolation {
  const node = firstNode(error);
  const name = node?.kind === Kind.FIELD ? node.name.value : (quoted(error.message)[0] ?? '');
  const parent = node === undefined ? undefined : facts.of(node).parentType;
  const typeName = parent?.name ?? quoted(error.message)[1] ?? '';
  return { type: 'FieldUndefined', detail: `Field '${name}' in type '${typeName}' is undefined`, node };
}

/**
 * With introspection disabled AppSync reports the root `__schema`/`__type` fields as undefined; graphql-js
 * also reports every field below them, which adds nothing.
 */
function introspectionRootField(error: GraphQLError, facts: DocumentFacts): JavaViolation | null {
  const node = firstNode(error);
  return node?.kind === Kind.FIELD && node.name.value.startsWith('__') ? fieldUndefined(error, facts) : null;
}

function wrongType(error: GraphQLError, facts: DocumentFacts): JavaViolation {
  const node = firstNode(error);
  if (node === undefined) return { type: 'WrongType', detail: unquoted(error.message), node };
  const nodeFacts = facts.of(node);
  const rendered = node.kind === Kind.OBJECT_FIELD || isValueNode(node) ? renderJavaAst(node) : '';
  if (nodeFacts.argumentPath === null) {
    const typeName = nodeFacts.inputType === null || nodeFacts.inputType === undefined ? '' : String(nodeFacts.inputType);
    return { type: 'BadValueForDefaultArg', detail: `Bad default value ${rendered} for type ${typeName}`, node };
  }
  const argument = `argument '${nodeFacts.argumentPath}' with value '${rendered}'`;
  const missing = /^Field "\w+\.(\w+)" of required type ".*" was not provided\.$/.exec(error.message);
  if (missing !== null) return { type: 'WrongType', detail: `${argument} is missing required fields '[${missing[1]}]'`, node };
  const unknown = /^Field "(\w+)" is not defined by type "(\w+)"/.exec(error.message);
  if (unknown !== null) {
    return { type: 'WrongType', detail: `${argument} contains a field not in '${unknown[2]}': '${unknown[1]}'`, node };
  }
  const expected = nodeFacts.inputType ? getNamedType(nodeFacts.inputType).name : (quoted(error.message)[0] ?? '');
  return { type: 'WrongType', detail: `${argument} is not a valid '${expected}'`, node };
}

function isValueNode(node: ASTNode): node is Parameters<typeof renderJavaAst>[0] {
  return (
    node.kind === Kind.STRING ||
    node.kind === Kind.INT ||
    node.kind === Kind.FLOAT ||
    node.kind === Kind.BOOLEAN ||
    node.kind === Kind.NULL ||
    node.kind === Kind.ENUM ||
    node.kind === Kind.VARIABLE ||
    node.kind === Kind.LIST ||
    node.kind === Kind.OBJECT
  );
}

/** One describer per graphql-js rule. */
const DESCRIBERS = new Map<ValidationRule, Describe>([
  [FieldsOnCorrectTypeRule, fieldUndefined],
  [NoSchemaIntrospectionCustomRule, introspectionRootField],
  [ValuesOfCorrectTypeRule, wrongType],
  [
    KnownTypeNamesRule,
    (error) => ({ type: 'UnknownType', detail: `Unknown type ${quoted(error.message)[0]}`, node: firstNode(error) }),
  ],
  [
    ProvidedRequiredArgumentsRule,
    (error) => {
      const [, argument] = quoted(error.message);
      const onDirective = error.message.startsWith('Directive');
      return onDirective
        ? { type: 'MissingDirectiveArgument', detail: `Missing directive argument ${argument}`, node: firstNode(error) }
        : { type: 'MissingFieldArgument', detail: `Missing field argument ${argument}`, node: firstNode(error) };
    },
  ],
  [
    KnownArgumentNamesRule,
    (error) => {
      const [argument] = quoted(error.message);
      return error.message.includes('on directive')
        ? { type: 'UnknownDirective', detail: `Unknown directive argument ${argument}`, node: firstNode(error) }
        : { type: 'UnknownArgument', detail: `Unknown field argument ${argument}`, node: firstNode(error) };
    },
  ],
  [
    ScalarLeafsRule,
    (error) => {
      const [field, typeName] = quoted(error.message);
      return error.message.includes('must not have a selection')
        ? {
            type: 'SubSelectionNotAllowed',
            detail: `Sub selection not allowed on leaf type ${typeName} of field ${field}`,
            node: firstNode(error),
          }
        : {
            type: 'SubSelectionRequired',
            detail: `Sub selection required for type ${typeName} of field ${field}`,
            node: firstNode(error),
          };
    },
  ],
  [
    VariablesInAllowedPositionRule,
    (error) => {
      const [, actual, expected] = quoted(error.message);
      return {
        type: 'VariableTypeMismatch',
        detail: `Variable type '${actual}' doesn't match expected type '${expected}'`,
        node: lastNode(error),
      };
    },
  ],
  [
    NoUndefinedVariablesRule,
    (error) => ({ type: 'UndefinedVariable', detail: `Undefined variable ${quoted(error.message)[0]}`, node: firstNode(error) }),
  ],
  [
    NoUnusedVariablesRule,
    (error) => ({
      type: 'UnusedVariable',
      detail: `Unused variable ${quoted(error.message)[0]}`,
      node: firstNode(error),
      withPath: false,
      reportedAtEnd: true,
    }),
  ],
  [
    NoUnusedFragmentsRule,
    (error) => ({
      type: 'UnusedFragment',
      detail: `Unused fragment ${quoted(error.message)[0]}`,
      node: firstNode(error),
      reportedAtEnd: true,
    }),
  ],
  [
    KnownFragmentNamesRule,
    (error) => ({ type: 'UndefinedFragment', detail: `Undefined fragment ${quoted(error.message)[0]}`, node: firstNode(error) }),
  ],
  [
    UniqueOperationNamesRule,
    (error) => ({
      type: 'DuplicateOperationName',
      detail: `There can be only one operation named '${quoted(error.message)[0]}'`,
      node: lastNode(error),
    }),
  ],
  [
    LoneAnonymousOperationRule,
    (error) => ({ type: 'LoneAnonymousOperationViolation', detail: 'Anonymous operation with other operations.', node: firstNode(error) }),
  ],
  [
    OverlappingFieldsCanBeMergedRule,
    (error) => {
      const match = /^Fields "([^"]+)" conflict because (.+?)\. Use different aliases/.exec(error.message);
      const detail = match === null ? unquoted(error.message) : `${match[1]}: ${match[2]!.replaceAll('"', '')}`;
      return { type: 'FieldsConflict', detail, node: firstNode(error) };
    },
  ],
  [
    KnownDirectivesRule,
    (error) => {
      const [directive] = quoted(error.message);
      return error.message.startsWith('Unknown directive')
        ? { type: 'UnknownDirective', detail: `Unknown directive ${directive}`, node: firstNode(error) }
        : { type: 'MisplacedDirective', detail: `Directive ${directive} not allowed here`, node: firstNode(error) };
    },
  ],
  [NoFragmentCyclesRule, (error) => ({ type: 'FragmentCycle', detail: 'Fragment cycles not allowed', node: firstNode(error) })],
  [
    PossibleFragmentSpreadsRule,
    (error) => ({
      type: 'InvalidFragmentType',
      detail: unquoted(error.message.replace(/^Fragment cannot/, 'Inline fragment cannot')),
      node: firstNode(error),
    }),
  ],
  [
    FragmentsOnCompositeTypesRule,
    (error) =>
      error.message.startsWith('Fragment cannot')
        ? {
            type: 'InlineFragmentTypeConditionInvalid',
            detail: 'Inline fragment type condition is invalid, must be on Object/Interface/Union',
            node: firstNode(error),
          }
        : {
            type: 'FragmentTypeConditionInvalid',
            detail: 'Fragment type condition is invalid, must be on Object/Interface/Union',
            node: firstNode(error),
          },
  ],
  [
    VariablesAreInputTypesRule,
    (error) => {
      const [variable, typeName] = quoted(error.message);
      return {
        type: 'NonInputTypeOnVariable',
        detail: `Input variable ${variable} type ${typeName} is not an input type`,
        node: firstNode(error),
      };
    },
  ],
  [
    UniqueFragmentNamesRule,
    (error) => ({
      type: 'DuplicateFragmentName',
      detail: `There can be only one fragment named '${quoted(error.message)[0]}'`,
      node: lastNode(error),
    }),
  ],
  [
    UniqueArgumentNamesRule,
    (error) => ({
      type: 'DuplicateArgumentNames',
      detail: `There can be only one argument named '${quoted(error.message)[0]}'`,
      node: lastNode(error),
    }),
  ],
  [
    UniqueVariableNamesRule,
    (error) => ({
      type: 'DuplicateVariableName',
      detail: `There can be only one variable named '${quoted(error.message)[0]}'`,
      node: lastNode(error),
    }),
  ],
  [
    UniqueDirectivesPerLocationRule,
    (error) => ({
      type: 'DuplicateDirectiveName',
      detail: `Directives must be uniquely named within a location. The directive '${quoted(error.message)[0]}' is not unique`,
      node: lastNode(error),
    }),
  ],
  [
    ExecutableDefinitionsRule,
    (error) => ({ type: 'NonExecutableDefinition', detail: unquoted(error.message), node: firstNode(error), withPath: false }),
  ],
  [
    SingleFieldSubscriptionsRule,
    (error) => ({ type: 'SubscriptionMultipleRootFields', detail: unquoted(error.message), node: firstNode(error) }),
  ],
]);

/** Any rule without its own describer (e.g. UniqueInputFieldNames): the rule's name and graphql-js's text. */
function describeGeneric(rule: ValidationRule): Describe {
  return (error) => ({ type: rule.name.replace(/Rule$/, ''), detail: unquoted(error.message), node: firstNode(error) });
}

export interface ValidationOptions {
  /** `introspectionConfig: DISABLED`: `__schema`/`__type` are FieldUndefined (spec §1.4, §1.6). */
  introspectionDisabled: boolean;
}

/** The rules AppSync applies; empty result = valid. */
export function validateDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: ValidationOptions,
): PositionedError[] {
  const rules = options.introspectionDisabled ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  if (validate(schema, document, rules).length === 0) return [];
  // Attribute each violation to its rule by validating rule by rule (only on this failure path).
  const facts = new DocumentFacts(schema, document);
  return rules.flatMap((rule) => {
    const describe = DESCRIBERS.get(rule) ?? describeGeneric(rule);
    return validate(schema, document, [rule]).flatMap((error) => {
      const violation = describe(error, facts);
      return violation === null ? [] : [toPositionedError(violation, error, facts)];
    });
  });
}

function toPositionedError(violation: JavaViolation, error: GraphQLError, facts: DocumentFacts): PositionedError {
  const queryPath = violation.node === undefined || violation.withPath === false ? [] : facts.of(violation.node).queryPath;
  const suffix = queryPath.length > 0 ? ` @ '${queryPath.join('/')}'` : '';
  const start = violation.node?.loc?.startToken;
  const location = start === undefined ? error.locations?.[0] : { line: start.line, column: start.column };
  return {
    line: violation.reportedAtEnd === true ? Number.MAX_SAFE_INTEGER : (location?.line ?? 0),
    column: location?.column ?? 0,
    path: [],
    error: {
      path: null,
      locations: location === undefined ? null : [{ line: location.line, column: location.column, sourceName: null }],
      message: `Validation error of type ${violation.type}: ${violation.detail}${suffix}`,
    },
  };
}
