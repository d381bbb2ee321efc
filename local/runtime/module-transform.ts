/**
 * Turns an APPSYNC_JS ES module into the text of a *module factory*: a function that runs the
 * module body and returns its handlers. The evaluator compiles the factory once and calls it for
 * every evaluation, so module-level state is fresh each time (spec appsync-js-runtime.md §1.1,
 * local requirement 2) without paying for a new module or realm.
 *
 * The module's own text is kept in place so that error positions stay those of the submitted code
 * (`code.js:L:C`, spec §6.1): imports are blanked out and bound in a header line above the code,
 * `export` keywords are blanked, and the only text added inside the code is a call to the step
 * counter at the start of every loop body and function body (see ./sandbox.ts: it stops a runaway
 * handler). Those additions never span lines; `PositionMap` undoes them in columns.
 */
import ts from 'typescript';
import type { CodeError } from './types.js';

/** The modules the runtime serves (spec §1.1); `@aws-appsync/utils/rds` and `/ai` are not emulated. */
export const SERVED_MODULES = { '@aws-appsync/utils': 'utils', '@aws-appsync/utils/dynamodb': 'dynamodb' } as const;
export type ServedModuleKey = (typeof SERVED_MODULES)[keyof typeof SERVED_MODULES];

const NOT_EMULATED_MODULES = new Set(['@aws-appsync/utils/rds', '@aws-appsync/utils/ai']);

/** Prefix of the factory's own identifiers; code using it is refused so that it cannot collide. */
export const RESERVED_PREFIX = '__appsync$';
const IMPORTS_PARAMETER = `${RESERVED_PREFIX}imports`;
export const TICK_FUNCTION = `${RESERVED_PREFIX}tick`;
const TICK_CALL = `${TICK_FUNCTION}();`;

export const HANDLER_NAMES = ['request', 'response'] as const;

export interface TransformedModule {
  /** Script text evaluating to `(imports, tick) => ({ request, response })`. Line 1 of the user's
   * code is line 2 of the script: compile it with `lineOffset: -1`. */
  factorySource: string;
  positions: PositionMap;
}

interface Insertion {
  offset: number;
  text: string;
  /** Closing text goes before opening text at the same offset; nesting orders each kind. */
  closing: boolean;
  depth: number;
}

/**
 * Maps line/column positions in the factory's code back to the submitted text. V8 places a method
 * call at its property name (`console.log(x)` at `log`); AppSync places it at the start of the call
 * expression (`INFO - code.js:5:3:` for `  console.log(...)`, AWS EvaluateCode example in the
 * "Testing your resolvers" guide), so call positions are moved there.
 */
export class PositionMap {
  private readonly generatedLineStarts: number[];
  private readonly originalLineStarts: number[];

  constructor(
    original: string,
    generated: string,
    /** Offsets (in the original) and lengths of inserted text, ascending. */
    private readonly insertions: ReadonlyArray<{ offset: number; length: number }>,
    /** Offset of a method call's property name → offset of the call expression. */
    private readonly callStarts: ReadonlyMap<number, number>,
  ) {
    this.originalLineStarts = lineStarts(original);
    this.generatedLineStarts = lineStarts(generated);
  }

  /** 1-based line and column in the factory's code → the same in the submitted text. */
  toOriginal(line: number, column: number): { line: number; column: number } {
    const generatedStart = this.generatedLineStarts[line - 1];
    if (generatedStart === undefined || line < 1) return { line: 0, column: 0 };
    let generatedOffset = generatedStart + column - 1;
    let shift = 0;
    for (const insertion of this.insertions) {
      const insertedAt = insertion.offset + shift;
      if (generatedOffset < insertedAt) break;
      if (generatedOffset < insertedAt + insertion.length) {
        generatedOffset = insertedAt + insertion.length;
      }
      shift += insertion.length;
    }
    const reported = generatedOffset - shift;
    const originalOffset = this.callStarts.get(reported) ?? reported;
    const originalLine = upperBound(this.originalLineStarts, originalOffset);
    return { line: originalLine, column: originalOffset - this.originalLineStarts[originalLine - 1]! + 1 };
  }
}

/** The number of entries of ascending `starts` that are ≤ `offset` (its 1-based line). */
function upperBound(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function blank(text: string): string {
  return text.replace(/[^\n\r\u2028\u2029]/g, ' ');
}

function problemAt(sourceFile: ts.SourceFile, node: ts.Node, value: string): CodeError {
  const start = node.getStart(sourceFile);
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  return { errorType: 'CODE_ERROR', value, location: { line: line + 1, column: character + 1, span: node.getEnd() - start } };
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

/**
 * Builds the module factory for `sourceFile` (the submitted module, parsed by TypeScript). Returns
 * the problems that keep the module from loading instead when there are any: imports of modules the
 * runtime does not serve, re-exports, dynamic `import()`, missing `request`/`response` exports.
 */
export function transformModule(sourceFile: ts.SourceFile): TransformedModule | { problems: CodeError[] } {
  const text = sourceFile.text;
  const problems: CodeError[] = [];
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  const insertions: Insertion[] = [];
  const bindings: string[] = [];
  const exported = new Map<string, string>();

  if (text.includes(RESERVED_PREFIX)) {
    problems.push({ errorType: 'CODE_ERROR', value: `Identifiers starting with ${RESERVED_PREFIX} are reserved by the local runtime.`, location: { line: 0, column: 0, span: -1 } });
  }

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      replacements.push({ start: statement.getStart(sourceFile), end: statement.getEnd(), text: '' });
      const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
      const served = SERVED_MODULES[specifier as keyof typeof SERVED_MODULES];
      if (served === undefined) {
        // Unknown modules are TS2307 (./type-rules.ts); the AppSync modules the runtime lacks are ours to name.
        if (NOT_EMULATED_MODULES.has(specifier)) {
          problems.push(problemAt(sourceFile, statement.moduleSpecifier, `The module '${specifier}' is not supported by the local runtime.`));
        }
        continue;
      }
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      const source = `${IMPORTS_PARAMETER}.${served}`;
      if (clause.name) bindings.push(`${clause.name.text} = ${source}.default`);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) bindings.push(`${named.name.text} = ${source}`);
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          if (element.isTypeOnly) continue;
          const imported = (element.propertyName ?? element.name).text;
          bindings.push(`${element.name.text} = ${source}[${JSON.stringify(imported)}]`);
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      replacements.push({ start: statement.getStart(sourceFile), end: statement.getEnd(), text: '' });
      if (statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) {
        problems.push(problemAt(sourceFile, statement, 'Re-exporting from another module is not supported.'));
        continue;
      }
      if (statement.isTypeOnly) continue;
      for (const element of statement.exportClause.elements) {
        exported.set(element.name.text, (element.propertyName ?? element.name).text);
      }
    } else if (ts.isExportAssignment(statement)) {
      // `export default expression` → `void expression`: evaluated like the module would, exported nowhere.
      const keywords = statement.getChildren(sourceFile).filter((child) => child.kind === ts.SyntaxKind.ExportKeyword || child.kind === ts.SyntaxKind.DefaultKeyword);
      replaceKeywords(keywords, 'void');
    } else if (ts.canHaveModifiers(statement)) {
      const modifiers = ts.getModifiers(statement) ?? [];
      const exportKeyword = modifiers.find((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
      if (!exportKeyword) continue;
      const isDefault = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault) {
        replaceKeywords(modifiers.filter((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword || modifier.kind === ts.SyntaxKind.DefaultKeyword), 'void');
        continue;
      }
      replacements.push({ start: exportKeyword.getStart(sourceFile), end: exportKeyword.getEnd(), text: '' });
      if (ts.isFunctionDeclaration(statement) && statement.name) exported.set(statement.name.text, statement.name.text);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          for (const name of boundNames(declaration.name)) exported.set(name, name);
        }
      }
    }
  }

  function replaceKeywords(keywords: ts.Node[], replacement: string): void {
    const start = keywords[0]!.getStart(sourceFile);
    const end = keywords[keywords.length - 1]!.getEnd();
    replacements.push({ start, end, text: replacement });
  }

  const callStarts = new Map<number, number>();
  const visit = (node: ts.Node, depth: number): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      callStarts.set(node.expression.name.getStart(sourceFile), node.getStart(sourceFile));
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      problems.push(problemAt(sourceFile, node, 'Dynamic import() is not supported.'));
    } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      problems.push(problemAt(sourceFile, node, 'import.meta is not supported.'));
    }
    if (ts.isForOfStatement(node) || ts.isForInStatement(node)) countStepsIn(node.statement, depth);
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const body = node.body as ts.Node;
      if (ts.isBlock(body)) insertions.push({ offset: body.getStart(sourceFile) + 1, text: TICK_CALL, closing: false, depth });
      else {
        insertions.push({ offset: body.getStart(sourceFile), text: `(${TICK_FUNCTION}(),`, closing: false, depth });
        insertions.push({ offset: body.getEnd(), text: ')', closing: true, depth });
      }
    }
    ts.forEachChild(node, (child) => visit(child, depth + 1));
  };
  const countStepsIn = (body: ts.Statement, depth: number): void => {
    if (ts.isBlock(body)) {
      insertions.push({ offset: body.getStart(sourceFile) + 1, text: TICK_CALL, closing: false, depth });
    } else {
      insertions.push({ offset: body.getStart(sourceFile), text: `{${TICK_CALL}`, closing: false, depth });
      insertions.push({ offset: body.getEnd(), text: '}', closing: true, depth });
    }
  };
  ts.forEachChild(sourceFile, (child) => visit(child, 0));

  for (const handler of HANDLER_NAMES) {
    if (!exported.has(handler)) {
      problems.push({ errorType: 'CODE_ERROR', value: `The code must export a function named ${handler}.`, location: { line: 0, column: 0, span: -1 } });
    }
  }
  if (problems.length > 0) return { problems };

  const body = applyEdits(text, replacements, insertions);
  const header =
    `(function (${IMPORTS_PARAMETER}, ${TICK_FUNCTION}) {"use strict";` +
    bindings.map((binding) => `const ${binding};`).join('');
  const handlers = HANDLER_NAMES.map((handler) => `${handler}: ${exported.get(handler)}`).join(', ');
  const factorySource = `${header}\n${body.text}\n;return { ${handlers} };\n})`;
  return { factorySource, positions: new PositionMap(text, body.text, body.insertions, callStarts) };
}

/**
 * Applies same-length-or-blanked replacements (which never move later text: each is padded with
 * spaces to the length it replaces) and insertions (which do, and are recorded).
 */
function applyEdits(
  text: string,
  replacements: ReadonlyArray<{ start: number; end: number; text: string }>,
  insertions: Insertion[],
): { text: string; insertions: Array<{ offset: number; length: number }> } {
  let blanked = text;
  for (const { start, end, text: replacement } of replacements) {
    const original = blanked.slice(start, end);
    blanked = blanked.slice(0, start) + replacement + blank(original).slice(replacement.length) + blanked.slice(end);
  }
  const ordered = [...insertions].sort(
    (a, b) => a.offset - b.offset || Number(b.closing) - Number(a.closing) || (a.closing ? b.depth - a.depth : a.depth - b.depth),
  );
  let result = '';
  let position = 0;
  for (const insertion of ordered) {
    result += blanked.slice(position, insertion.offset) + insertion.text;
    position = insertion.offset;
  }
  result += blanked.slice(position);
  return { text: result, insertions: ordered.map(({ offset, text: inserted }) => ({ offset, length: inserted.length })) };
}
