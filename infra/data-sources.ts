/**
 * The definition's data sources on the API, under the definition's names. A DynamoDB data source's
 * role may use its table and that table's indexes, named by ARN (CDK's `DynamoDbDataSource` would grant
 * `<table>/index/*` and stream reads); a Lambda data source's role may invoke its function only.
 */
import { Stack } from 'aws-cdk-lib';
import { BackedDataSource, type BackedDataSourceProps, type BaseDataSource, type GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { DataSourceDefinition } from '../local/definition/types.js';
import { required } from './required.js';
import { tableAccessStatements } from './table-access.js';
import type { DeployedTable } from './tables.js';

/** An AMAZON_DYNAMODB data source whose role is scoped to the table and its indexes. */
class ScopedDynamoDbDataSource extends BackedDataSource {
  constructor(scope: Construct, id: string, props: BackedDataSourceProps & { table: DeployedTable }) {
    const { table } = props.table;
    super(scope, id, props, { type: 'AMAZON_DYNAMODB', dynamoDbConfig: { tableName: table.tableName, awsRegion: Stack.of(table).region } });
    // The data source reads and writes (a resolver decides which); transactions and batches are per item.
    for (const statement of tableAccessStatements(table, props.table.definition, 'readWrite')) this.grantPrincipal.addToPrincipalPolicy(statement);
  }
}

export interface DataSourceResources {
  tables: ReadonlyMap<string, DeployedTable>;
  lambdaFunctions: ReadonlyMap<string, IFunction>;
}

function dataSourceConstructId(dataSource: DataSourceDefinition): string {
  return `${dataSource.name}DataSource`;
}

function createDataSource(api: GraphqlApi, dataSource: DataSourceDefinition, resources: DataSourceResources): BaseDataSource {
  const id = dataSourceConstructId(dataSource);
  const options = { name: dataSource.name };
  switch (dataSource.type) {
    case 'AMAZON_DYNAMODB':
      return new ScopedDynamoDbDataSource(api, id, { api, ...options, table: required(resources.tables.get(dataSource.table), `table ${dataSource.table}`) });
    case 'AWS_LAMBDA':
      return api.addLambdaDataSource(id, required(resources.lambdaFunctions.get(dataSource.function), `function ${dataSource.function}`), options);
    case 'NONE':
      return api.addNoneDataSource(id, options);
    case 'HTTP':
      return api.addHttpDataSource(id, dataSource.endpoint, options);
  }
}

/** Every data source of the definition, by name. */
export function createDataSources(api: GraphqlApi, dataSources: readonly DataSourceDefinition[], resources: DataSourceResources): Map<string, BaseDataSource> {
  return new Map(dataSources.map((dataSource) => [dataSource.name, createDataSource(api, dataSource, resources)]));
}
