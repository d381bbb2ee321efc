/** Checks of `tables` and `dataSources`: names, references, endpoints. */
import type { ApiDefinition, DataSourceDefinition, LambdaFunctionDefinition, TableDefinition } from './types.js';
import { entryLabel, indexByName } from './problems.js';

/** DynamoDB's table-name rule (the logical name must already be a valid name). */
const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
/** AppSync's name rule for data sources and functions. */
export const APPSYNC_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const DATA_SOURCE_TYPES = ['AMAZON_DYNAMODB', 'AWS_LAMBDA', 'NONE', 'HTTP'];

export function checkTables(tables: readonly TableDefinition[], problems: string[]): Map<string, TableDefinition> {
  tables.forEach((table, index) => {
    const label = entryLabel('tables', index, table.name);
    if (!TABLE_NAME.test(table.name)) problems.push(`${label}: name must be 3-255 characters among a-z, A-Z, 0-9, '_', '-', '.'`);
    const indexNames = [...(table.globalSecondaryIndexes ?? []), ...(table.localSecondaryIndexes ?? [])].map((entry) => entry.indexName);
    for (const name of new Set(indexNames.filter((name, position) => indexNames.indexOf(name) !== position))) {
      problems.push(`${label}: index name '${name}' is used more than once`);
    }
    if ((table.localSecondaryIndexes ?? []).length > 0 && !table.sortKey) {
      problems.push(`${label}: local secondary indexes need a table with a sort key`);
    }
  });
  return indexByName('tables', tables, problems);
}

function httpEndpointProblem(endpoint: unknown): string | undefined {
  if (typeof endpoint !== 'string') return 'endpoint is required';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `endpoint '${endpoint}' is not a URL`;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `endpoint '${endpoint}' is not an http(s) URL`;
}

function dataSourceProblem(
  dataSource: DataSourceDefinition,
  tables: Map<string, TableDefinition>,
  lambdaFunctions: Map<string, LambdaFunctionDefinition>,
): string | undefined {
  switch (dataSource.type) {
    case 'AMAZON_DYNAMODB':
      return tables.has(dataSource.table) ? undefined : `table '${dataSource.table}' is not defined in tables`;
    case 'AWS_LAMBDA':
      return lambdaFunctions.has(dataSource.function) ? undefined : `function '${dataSource.function}' is not defined in lambdaFunctions`;
    case 'HTTP':
      return httpEndpointProblem(dataSource.endpoint);
    case 'NONE':
      return undefined;
    default:
      return `type '${String((dataSource as { type: unknown }).type)}' is not supported locally (supported: ${DATA_SOURCE_TYPES.join(', ')})`;
  }
}

export function checkDataSources(
  definition: Pick<ApiDefinition, 'dataSources'>,
  tables: Map<string, TableDefinition>,
  lambdaFunctions: Map<string, LambdaFunctionDefinition>,
  problems: string[],
): Map<string, DataSourceDefinition> {
  definition.dataSources.forEach((dataSource, index) => {
    const label = entryLabel('dataSources', index, dataSource.name);
    if (!APPSYNC_NAME.test(dataSource.name)) problems.push(`${label}: name must match ${APPSYNC_NAME.source}`);
    const problem = dataSourceProblem(dataSource, tables, lambdaFunctions);
    if (problem) problems.push(`${label}: ${problem}`);
  });
  return indexByName('dataSources', definition.dataSources, problems);
}
