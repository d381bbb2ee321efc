/**
 * Checks of `functions` (pipeline functions) and `resolvers`: references, code files, schema targets,
 * AppSync's resolver rules (spec appsync-graphql-engine.md §4.1-4.4, §6).
 */
import type { DataSourceDefinition, PipelineFunctionDefinition, ResolverDefinition, UnitResolverDefinition } from './types.js';
import { APPSYNC_NAME } from './check-tables-and-data-sources.js';
import { entryLabel, indexByName, integerProblem } from './problems.js';
import type { FileCheck } from './project-files.js';
import type { SchemaIndex } from './schema-index.js';

/** Functions per pipeline (spec engine §4.2, §6: quota value unconfirmed). */
export const MAX_PIPELINE_FUNCTIONS = 10;
/** Lambda BatchInvoke batch size (spec engine §4.4, §6). */
const MAX_BATCH_SIZE = 2000;

function dataSourceProblem(name: string, dataSources: Map<string, DataSourceDefinition>): string | undefined {
  return dataSources.has(name) ? undefined : `data source '${name}' is not defined in dataSources`;
}

export function checkPipelineFunctions(
  functions: readonly PipelineFunctionDefinition[],
  dataSources: Map<string, DataSourceDefinition>,
  checkFile: FileCheck,
  problems: string[],
): Map<string, PipelineFunctionDefinition> {
  functions.forEach((fn, index) => {
    const label = entryLabel('functions', index, fn.name);
    const own = [
      APPSYNC_NAME.test(fn.name) ? undefined : `name must match ${APPSYNC_NAME.source}`,
      dataSourceProblem(fn.dataSource, dataSources),
      checkFile(fn.code, 'code file'),
    ];
    for (const problem of own) if (problem) problems.push(`${label}: ${problem}`);
  });
  return indexByName('functions', functions, problems);
}

function targetProblem(resolver: ResolverDefinition, schema: SchemaIndex): string | undefined {
  const type = schema.lookup(resolver.typeName);
  if (!type) return `type '${resolver.typeName}' is not defined in the schema`;
  if (type.kind === 'other') return `type '${resolver.typeName}' is ${type.description}; resolvers attach to fields of object types`;
  return type.fields.has(resolver.fieldName) ? undefined : `type '${resolver.typeName}' has no field '${resolver.fieldName}' in the schema`;
}

function unitProblems(resolver: UnitResolverDefinition, dataSources: Map<string, DataSourceDefinition>, checkFile: FileCheck): Array<string | undefined> {
  const dataSource = dataSources.get(resolver.dataSource);
  const isLambda = dataSource?.type === 'AWS_LAMBDA';
  return [
    dataSourceProblem(resolver.dataSource, dataSources),
    resolver.code !== undefined
      ? checkFile(resolver.code, 'code file')
      : dataSource && !isLambda
        ? `a unit resolver without code is a direct Lambda resolver and needs an AWS_LAMBDA data source; '${dataSource.name}' is ${dataSource.type}`
        : undefined,
    resolver.maxBatchSize !== undefined && dataSource && !isLambda
      ? `maxBatchSize applies only to AWS_LAMBDA data sources; '${dataSource.name}' is ${dataSource.type}`
      : integerProblem('maxBatchSize', resolver.maxBatchSize, 0, MAX_BATCH_SIZE),
  ];
}

function pipelineProblems(
  resolver: Extract<ResolverDefinition, { kind: 'PIPELINE' }>,
  functions: Map<string, PipelineFunctionDefinition>,
  checkFile: FileCheck,
): Array<string | undefined> {
  return [
    checkFile(resolver.code, 'code file'),
    resolver.functions.length > MAX_PIPELINE_FUNCTIONS
      ? `a pipeline has at most ${MAX_PIPELINE_FUNCTIONS} functions, this one has ${resolver.functions.length}`
      : undefined,
    ...resolver.functions.map((name) => (functions.has(name) ? undefined : `function '${name}' is not defined in functions`)),
  ];
}

export function checkResolvers(
  resolvers: readonly ResolverDefinition[],
  context: {
    schema: SchemaIndex;
    dataSources: Map<string, DataSourceDefinition>;
    functions: Map<string, PipelineFunctionDefinition>;
    checkFile: FileCheck;
  },
  problems: string[],
): void {
  const firstForField = new Map<string, number>();
  resolvers.forEach((resolver, index) => {
    const field = `${resolver.typeName}.${resolver.fieldName}`;
    const label = `resolvers[${index}] ${field}`;
    const first = firstForField.get(field);
    if (first !== undefined) problems.push(`${label}: the field already has a resolver (resolvers[${first}])`);
    else firstForField.set(field, index);
    const own = [
      targetProblem(resolver, context.schema),
      ...(resolver.kind === 'PIPELINE'
        ? pipelineProblems(resolver, context.functions, context.checkFile)
        : resolver.kind === 'UNIT'
          ? unitProblems(resolver, context.dataSources, context.checkFile)
          : [`kind '${String((resolver as { kind: unknown }).kind)}' must be UNIT or PIPELINE`]),
    ];
    for (const problem of own) if (problem) problems.push(`${label}: ${problem}`);
  });
}
