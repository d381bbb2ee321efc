/**
 * The part of AppSync's TypeScript pass that rejects code at creation time: using something the
 * AppSync modules do not have (spec appsync-js-runtime.md intro and §8 items 61 and 126, observed:
 * `code.js(5,14): error TS2339: Property 'sync' does not exist on type 'typeof import(...)'`).
 *
 * Only diagnostics about the AppSync modules are reported: a missing member of `util`, `extensions`,
 * `runtime` or a module namespace, a missing named export, a default import, and an import of a
 * module that does not exist. Everything else TypeScript might say about plain JavaScript is
 * AppSync's business only as far as it was observed, which it was not.
 */
import path from 'node:path';
import ts from 'typescript';
import { isAppSyncTypingsFile, MODULE_FILE_NAME } from './typescript-program.js';
import type { CodeError } from './types.js';

/** Module-level diagnostics, always about an import. */
const IMPORT_DIAGNOSTICS = new Set([
  1192, // Module '...' has no default export.
  2305, // Module '...' has no exported member 'x'.
  2307, // Cannot find module '...' or its corresponding type declarations.
  2614, // Module '...' has no exported member 'x'. Did you mean to use 'import x from ...' instead?
  2724, // '...' has no exported member named 'x'. Did you mean 'y'?
]);

/** Member diagnostics, reported only when the object's type is declared by the AppSync typings. */
const MEMBER_DIAGNOSTICS = new Set([
  2339, // Property 'x' does not exist on type 'T'.
  2551, // Property 'x' does not exist on type 'T'. Did you mean 'y'?
]);

function isAboutAppSyncType(program: ts.Program, sourceFile: ts.SourceFile, position: number): boolean {
  const checker = program.getTypeChecker();
  let node = findNodeAt(sourceFile, position);
  while (node && !ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) node = node.parent;
  if (!node) return false;
  const objectType = checker.getTypeAtLocation(node.expression);
  const symbol = objectType.getSymbol() ?? objectType.aliasSymbol;
  return (symbol?.declarations ?? []).some((declaration) => isAppSyncTypingsFile(declaration.getSourceFile().fileName));
}

function findNodeAt(sourceFile: ts.SourceFile, position: number): ts.Node | undefined {
  const visit = (node: ts.Node): ts.Node | undefined =>
    position >= node.getStart(sourceFile) && position < node.getEnd() ? (ts.forEachChild(node, visit) ?? node) : undefined;
  return ts.forEachChild(sourceFile, visit);
}

/** Formats relative to the module's own directory, so the module is always `code.js`, as on AppSync. */
function formatHostFor(fileName: string): ts.FormatDiagnosticsHost {
  return {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => path.posix.dirname(fileName),
    getNewLine: () => '\n',
  };
}

/** Checks the module `fileName` (by default the only one) of a module program (see ./typescript-program.ts). */
export function checkAppSyncUsage(program: ts.Program, fileName = MODULE_FILE_NAME): CodeError[] {
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) throw new Error(`${fileName} is missing from its program`);
  const formatHost = formatHostFor(fileName);
  return program
    .getSemanticDiagnostics(sourceFile)
    .filter(
      (diagnostic) =>
        diagnostic.start !== undefined &&
        (IMPORT_DIAGNOSTICS.has(diagnostic.code) ||
          (MEMBER_DIAGNOSTICS.has(diagnostic.code) && isAboutAppSyncType(program, sourceFile, diagnostic.start))),
    )
    .map((diagnostic): CodeError => {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start!);
      return {
        errorType: 'CODE_ERROR',
        value: ts.formatDiagnostic(diagnostic, formatHost).trimEnd(),
        location: { line: line + 1, column: character + 1, span: diagnostic.length ?? -1 },
      };
    });
}
