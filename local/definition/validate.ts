/**
 * Validates an `ApiDefinition` against itself, its schema and the file system before anything is
 * served or built, and reports every problem at once, each naming the entry it concerns.
 */
import type { ApiDefinition } from './types.js';
import { checkEnvironmentVariables, checkLimits } from './check-api-settings.js';
import { checkAuthentication } from './check-authentication.js';
import { checkLambdaFunctions } from './check-lambda-functions.js';
import { checkPipelineFunctions, checkResolvers } from './check-resolvers.js';
import { checkDataSources, checkTables } from './check-tables-and-data-sources.js';
import { InvalidDefinitionError } from './problems.js';
import { fileChecker } from './project-files.js';
import { readSchemaFiles } from './schema-index.js';

const LISTS = ['tables', 'dataSources', 'lambdaFunctions', 'functions', 'resolvers'] as const;

/** The definition with every list present (a missing or malformed list is reported and read as empty). */
function withLists(definition: ApiDefinition, problems: string[]): ApiDefinition {
  const lists: Partial<ApiDefinition> = {};
  for (const key of LISTS) {
    if (Array.isArray(definition[key])) continue;
    problems.push(`${key} must be a list`);
    (lists as Record<string, unknown>)[key] = [];
  }
  return { ...definition, ...lists };
}

/** Every problem of the definition, in the order of its sections; empty when it is valid. */
export async function findDefinitionProblems(input: ApiDefinition, options: { projectRoot: string }): Promise<string[]> {
  const structure: string[] = [];
  if (typeof input.name !== 'string' || input.name === '') structure.push('name is required');
  const definition = withLists(input, structure);
  const checkFile = fileChecker(options.projectRoot);

  const schema = await readSchemaFiles(definition.schemaFiles, options.projectRoot, checkFile);
  const tableProblems: string[] = [];
  const tables = checkTables(definition.tables, tableProblems);
  const lambdaProblems: string[] = [];
  const lambdaFunctions = checkLambdaFunctions(definition.lambdaFunctions, tables, checkFile, lambdaProblems);
  const authProblems: string[] = [];
  checkAuthentication(definition.authentication, lambdaFunctions, authProblems);
  const dataSourceProblems: string[] = [];
  const dataSources = checkDataSources(definition, tables, lambdaFunctions, dataSourceProblems);
  const functionProblems: string[] = [];
  const functions = checkPipelineFunctions(definition.functions, dataSources, checkFile, functionProblems);
  const resolverProblems: string[] = [];
  checkResolvers(definition.resolvers, { schema: schema.index, dataSources, functions, checkFile }, resolverProblems);
  const settingProblems: string[] = [];
  checkEnvironmentVariables(definition.environmentVariables, settingProblems);
  checkLimits(definition.limits, settingProblems);

  return [
    ...structure,
    ...schema.problems,
    ...authProblems,
    ...tableProblems,
    ...dataSourceProblems,
    ...lambdaProblems,
    ...functionProblems,
    ...resolverProblems,
    ...settingProblems,
  ];
}

/** Throws one `InvalidDefinitionError` listing every problem; `source` names the definition in the message. */
export async function validateDefinition(definition: ApiDefinition, options: { projectRoot: string; source: string }): Promise<void> {
  const problems = await findDefinitionProblems(definition, options);
  if (problems.length > 0) throw new InvalidDefinitionError(options.source, problems);
}
