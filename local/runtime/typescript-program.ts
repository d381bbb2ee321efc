/**
 * TypeScript programs for the load-time checks of resolver code.
 *
 * AppSync compiles APPSYNC_JS code with a TypeScript pass against its bundled `@aws-appsync/utils`
 * typings (spec appsync-js-runtime.md, intro: `code.js(5,14): error TS2339: ...`), and the
 * type-aware rules of `@aws-appsync/eslint-plugin` need a program too. Two kinds are built here:
 *
 * - a *module program*: the submitted module as `/code.js` next to a virtual
 *   `/node_modules/@aws-appsync/utils` (the real typings, served under a path that does not depend
 *   on this machine, so messages read the same everywhere). Nothing else exists in it, so importing
 *   any other module is TS2307, as on AppSync.
 * - a *source program*: a resolver's TypeScript source on disk, resolved normally, for linting at
 *   build time.
 *
 * Parsed lib and typings files are cached for the life of the process: the first program costs
 * about half a second, later ones a few tens of milliseconds.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/** The name AppSync gives the submitted code in every diagnostic. */
export const MODULE_FILE_NAME = '/code.js';

const VIRTUAL_PACKAGE_DIR = '/node_modules/@aws-appsync/utils';
const REAL_PACKAGE_DIR = path.dirname(createRequire(import.meta.url).resolve('@aws-appsync/utils/package.json'));
const APPSYNC_GLOBALS_FILE = `${VIRTUAL_PACKAGE_DIR}/lib/index.d.ts`;

/** Language level of APPSYNC_JS code: ES2020 syntax; the library typings are recent enough to know
 * every method the lint deny-list names (`findLast`, `Object.hasOwn`, …). */
const BASE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts'],
  types: [],
  allowJs: true,
  noEmit: true,
  skipLibCheck: true,
};

const MODULE_OPTIONS: ts.CompilerOptions = { ...BASE_OPTIONS, checkJs: true };

const libDirectory = path.dirname(ts.getDefaultLibFilePath(BASE_OPTIONS));
const sharedSourceFiles = new Map<string, ts.SourceFile>();

function isShareable(fileName: string): boolean {
  return fileName.startsWith(libDirectory + path.sep) || fileName.includes(`${path.sep}node_modules${path.sep}`) || fileName.startsWith(`${VIRTUAL_PACKAGE_DIR}/`);
}

/** Wraps `getSourceFile` so that lib files and installed typings are parsed once per process. */
function withSharedSourceFiles(host: ts.CompilerHost): ts.CompilerHost {
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    if (!isShareable(fileName)) return parse(fileName, languageVersion, onError);
    let sourceFile = sharedSourceFiles.get(fileName);
    if (!sourceFile) {
      sourceFile = parse(fileName, languageVersion, onError);
      if (sourceFile) sharedSourceFiles.set(fileName, sourceFile);
    }
    return sourceFile;
  };
  return host;
}

function realPathOfVirtual(fileName: string): string | undefined {
  if (fileName === VIRTUAL_PACKAGE_DIR || fileName.startsWith(`${VIRTUAL_PACKAGE_DIR}/`)) {
    return REAL_PACKAGE_DIR + fileName.slice(VIRTUAL_PACKAGE_DIR.length);
  }
  if (fileName.startsWith(libDirectory + path.sep)) return fileName;
  return undefined;
}

/** A program holding only `/code.js` (with `text`) and the AppSync typings. */
export function createModuleProgram(text: string): ts.Program {
  const real = ts.createCompilerHost(MODULE_OPTIONS, true);
  const host: ts.CompilerHost = {
    ...real,
    getCurrentDirectory: () => '/',
    fileExists: (fileName) => fileName === MODULE_FILE_NAME || realPathOfVirtual(fileName) !== undefined && real.fileExists(realPathOfVirtual(fileName)!),
    readFile: (fileName) => {
      if (fileName === MODULE_FILE_NAME) return text;
      const realPath = realPathOfVirtual(fileName);
      return realPath === undefined ? undefined : real.readFile(realPath);
    },
    directoryExists: (directory) => {
      const realPath = realPathOfVirtual(directory);
      return directory === '/' || directory === '/node_modules' || directory === '/node_modules/@aws-appsync' || (realPath !== undefined && ts.sys.directoryExists(realPath));
    },
    getDirectories: () => [],
    realpath: (fileName) => fileName,
    getSourceFile: (fileName, languageVersion) => {
      const content = host.readFile(fileName);
      return content === undefined ? undefined : ts.createSourceFile(fileName, content, languageVersion, true);
    },
  };
  return ts.createProgram({ rootNames: [MODULE_FILE_NAME, APPSYNC_GLOBALS_FILE], options: MODULE_OPTIONS, host: withSharedSourceFiles(host) });
}

/** A program for a resolver's TypeScript source file on disk (`text` is its current content). */
export function createSourceProgram(fileName: string, text: string): ts.Program {
  const host = ts.createCompilerHost(BASE_OPTIONS, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === fileName ? text : readFile(name));
  return ts.createProgram({ rootNames: [fileName], options: BASE_OPTIONS, host: withSharedSourceFiles(host) });
}

/** Whether a declaration comes from the AppSync typings (of a module program). */
export function isAppSyncTypingsFile(fileName: string): boolean {
  return fileName.startsWith(`${VIRTUAL_PACKAGE_DIR}/`);
}
