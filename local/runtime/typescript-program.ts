/**
 * TypeScript programs for the load-time checks of resolver code.
 *
 * AppSync compiles APPSYNC_JS code with a TypeScript pass against its bundled `@aws-appsync/utils`
 * typings (spec appsync-js-runtime.md, intro: `code.js(5,14): error TS2339: ...`), and the
 * type-aware rules of `@aws-appsync/eslint-plugin` need a program too. Two kinds are built here:
 *
 * - a *module program*: the submitted module as `/code.js` (in a batch, each module as `/<n>/code.js`)
 *   next to a virtual `/node_modules/@aws-appsync/utils` (the real typings, served under a path that does
 *   not depend on this machine, so messages read the same everywhere). Nothing else exists in it, so
 *   importing any other module is TS2307, as on AppSync (in a batch, a relative import of a sibling's
 *   `code.js` would resolve: no resolver bundle names such a path).
 * - a *source program*: a resolver's TypeScript source on disk, resolved normally, for linting at
 *   build time.
 *
 * Both come in batches too (`createModulePrograms`, `createSourcePrograms`): one program for all the
 * files of a build, because most of a check's cost is the checker's work on the lib files and typings,
 * which a shared program does once.
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

/**
 * Where module `index` of a batch lives. Each module is `code.js` in a directory of its own, so that a
 * diagnostic formatted relative to that directory names it `code.js` as AppSync does, and the AppSync
 * typings at `/node_modules` resolve the same from every directory. A batch of one is `/code.js`.
 */
function moduleFileName(index: number): string {
  return index === 0 ? MODULE_FILE_NAME : `/${index}${MODULE_FILE_NAME}`;
}

/** A program holding `modules` (file name → text) and the AppSync typings. */
function createModulesProgram(modules: ReadonlyMap<string, string>): ts.Program {
  const moduleDirectories = new Set([...modules.keys()].map((fileName) => path.posix.dirname(fileName)));
  const real = ts.createCompilerHost(MODULE_OPTIONS, true);
  const host: ts.CompilerHost = {
    ...real,
    getCurrentDirectory: () => '/',
    fileExists: (fileName) => modules.has(fileName) || (realPathOfVirtual(fileName) !== undefined && real.fileExists(realPathOfVirtual(fileName)!)),
    readFile: (fileName) => {
      const module = modules.get(fileName);
      if (module !== undefined) return module;
      const realPath = realPathOfVirtual(fileName);
      return realPath === undefined ? undefined : real.readFile(realPath);
    },
    directoryExists: (directory) => {
      const realPath = realPathOfVirtual(directory);
      return (
        directory === '/' ||
        directory === '/node_modules' ||
        directory === '/node_modules/@aws-appsync' ||
        moduleDirectories.has(directory) ||
        (realPath !== undefined && ts.sys.directoryExists(realPath))
      );
    },
    getDirectories: () => [],
    realpath: (fileName) => fileName,
    getSourceFile: (fileName, languageVersion) => {
      const content = host.readFile(fileName);
      return content === undefined ? undefined : ts.createSourceFile(fileName, content, languageVersion, true);
    },
  };
  return ts.createProgram({ rootNames: [...modules.keys(), APPSYNC_GLOBALS_FILE], options: MODULE_OPTIONS, host: withSharedSourceFiles(host) });
}

/** A program holding only `/code.js` (with `text`) and the AppSync typings. */
export function createModuleProgram(text: string): ts.Program {
  return createModulesProgram(new Map([[MODULE_FILE_NAME, text]]));
}

/** A program for resolver TypeScript source files on disk (`texts`: file name → current content). */
function createSourcesProgram(texts: ReadonlyMap<string, string>): ts.Program {
  const host = ts.createCompilerHost(BASE_OPTIONS, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => texts.get(name) ?? readFile(name);
  return ts.createProgram({ rootNames: [...texts.keys()], options: BASE_OPTIONS, host: withSharedSourceFiles(host) });
}

/**
 * Programs for many files at once, so that the lib files and typings are type-checked once instead of
 * once per file (a program's checker costs far more than its parse). Files that are ES modules share
 * one program: each has its own scope, so no file can change what another means. A script (no import
 * or export) declares globals every other file of its program would see, so each script gets a
 * program of its own, as it would alone. Answers, per root file name, the program that holds it.
 */
function partitionByModuleScope(fileNames: readonly string[], create: (fileNames: readonly string[]) => ts.Program): Map<string, ts.Program> {
  const shared = create(fileNames);
  const isScript = (fileName: string) => {
    const sourceFile = shared.getSourceFile(fileName);
    return sourceFile !== undefined && !ts.isExternalModule(sourceFile);
  };
  const scripts = fileNames.length > 1 ? fileNames.filter(isScript) : [];
  if (scripts.length === 0) return new Map(fileNames.map((fileName) => [fileName, shared]));
  const modules = fileNames.filter((fileName) => !scripts.includes(fileName));
  const modulesProgram = modules.length > 0 ? create(modules) : undefined;
  return new Map([
    ...modules.map((fileName) => [fileName, modulesProgram!] as const),
    ...scripts.map((fileName) => [fileName, create([fileName])] as const),
  ]);
}

/**
 * Module programs for a batch of modules: answers, for each text (in order), its file name and the
 * program that holds it (see `partitionByModuleScope`).
 */
export function createModulePrograms(texts: readonly string[]): Array<{ fileName: string; program: ts.Program }> {
  const fileNames = texts.map((_, index) => moduleFileName(index));
  const textOf = new Map(fileNames.map((fileName, index) => [fileName, texts[index]!]));
  const programs = partitionByModuleScope(fileNames, (names) => createModulesProgram(new Map(names.map((name) => [name, textOf.get(name)!]))));
  return fileNames.map((fileName) => ({ fileName, program: programs.get(fileName)! }));
}

/** Source programs for many resolver source files (file name → current content). */
export function createSourcePrograms(texts: ReadonlyMap<string, string>): Map<string, ts.Program> {
  return partitionByModuleScope([...texts.keys()], (names) => createSourcesProgram(new Map(names.map((name) => [name, texts.get(name)!]))));
}

/** The files of `program` that belong to the project (not the lib files, not installed packages). */
export function projectFilesOf(program: ts.Program): string[] {
  return program.getSourceFiles().flatMap(({ fileName }) => (isShareable(fileName) ? [] : [fileName]));
}

/** `text` parsed as the module `/code.js`, as a module program parses it (for code already checked). */
export function parseModule(text: string): ts.SourceFile {
  return ts.createSourceFile(MODULE_FILE_NAME, text, MODULE_OPTIONS.target!, true);
}

/** Whether a declaration comes from the AppSync typings (of a module program). */
export function isAppSyncTypingsFile(fileName: string): boolean {
  return fileName.startsWith(`${VIRTUAL_PACKAGE_DIR}/`);
}
