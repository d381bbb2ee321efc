/**
 * Least-privilege DynamoDB permissions, for Lambda functions (their `tables` grants) and for AppSync's
 * DynamoDB data sources. Every statement names its resources by ARN: the table, and each index by its
 * own ARN (CDK's `grant*` methods would write `<table>/index/*`). Actions are the item-level ones the
 * DynamoDB API authorizes: transactions are authorized per item (`TransactGetItems` by `GetItem`,
 * `TransactWriteItems` by `PutItem`/`UpdateItem`/`DeleteItem`/`ConditionCheckItem`), so these cover
 * every operation APPSYNC_JS resolvers and the functions' SDK calls make.
 */
import { Arn, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { TableDefinition, TableGrant } from '../local/definition/types.js';

export type TableAccess = TableGrant['access'];

const READ_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'];
const WRITE_ACTIONS = ['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
/** Indexes are only ever read through Query and Scan. */
const INDEX_ACTIONS = ['dynamodb:Query', 'dynamodb:Scan'];

function tableActions(access: TableAccess): string[] {
  return access === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS];
}

function indexNamesOf(table: TableDefinition): string[] {
  return [...(table.globalSecondaryIndexes ?? []), ...(table.localSecondaryIndexes ?? [])].map((index) => index.indexName);
}

/** `arn:<partition>:dynamodb:<region>:<account>:table/<name>/index/<index>`. */
function indexArn(table: ITable, indexName: string): string {
  return Arn.format({ service: 'dynamodb', resource: 'table', resourceName: `${table.tableName}/index/${indexName}` }, Stack.of(table));
}

/** The statements granting `access` to `table` (as deployed) and to each of its indexes. */
export function tableAccessStatements(table: ITable, definition: TableDefinition, access: TableAccess): PolicyStatement[] {
  const indexes = indexNamesOf(definition);
  return [
    new PolicyStatement({ actions: tableActions(access), resources: [table.tableArn] }),
    ...(indexes.length > 0 ? [new PolicyStatement({ actions: INDEX_ACTIONS, resources: indexes.map((name) => indexArn(table, name)) })] : []),
  ];
}
