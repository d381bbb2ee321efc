/**
 * The definition's DynamoDB tables as deployed: the same keys, indexes (with their projections),
 * stream and TTL that the local runtime creates in DynamoDB Local (`local/dynamodb/tables.ts`), on
 * on-demand billing with point-in-time recovery; deletion protection and retention follow the stage.
 * Physical names are left to CloudFormation (they start with the stack name, which carries the stage),
 * so a replaced or retained table never blocks a redeploy.
 */
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, type Attribute, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { IndexProjection, KeyAttribute, TableDefinition } from '../local/definition/types.js';
import type { StageSettings } from './stage.js';

const ATTRIBUTE_TYPES: Record<KeyAttribute['type'], AttributeType> = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY };

function attribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: ATTRIBUTE_TYPES[key.type] };
}

function projection(value: IndexProjection = 'ALL'): { projectionType: ProjectionType; nonKeyAttributes?: string[] } {
  if (value === 'ALL') return { projectionType: ProjectionType.ALL };
  if (value === 'KEYS_ONLY') return { projectionType: ProjectionType.KEYS_ONLY };
  return { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: value.include };
}

function tableConstructId(table: TableDefinition): string {
  return `${table.name}Table`;
}

function createTable(scope: Construct, definition: TableDefinition, stage: StageSettings): Table {
  const table = new Table(scope, tableConstructId(definition), {
    partitionKey: attribute(definition.partitionKey),
    ...(definition.sortKey ? { sortKey: attribute(definition.sortKey) } : {}),
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: stage.deletionProtection,
    removalPolicy: stage.removalPolicy,
    ...(definition.stream ? { stream: StreamViewType[definition.stream] } : {}),
    ...(definition.timeToLiveAttribute ? { timeToLiveAttribute: definition.timeToLiveAttribute } : {}),
  });
  for (const index of definition.globalSecondaryIndexes ?? []) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: attribute(index.partitionKey),
      ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
      ...projection(index.projection),
    });
  }
  for (const index of definition.localSecondaryIndexes ?? []) {
    table.addLocalSecondaryIndex({ indexName: index.indexName, sortKey: attribute(index.sortKey), ...projection(index.projection) });
  }
  return table;
}

/** A deployed table with the definition it was made from (grants need its index names). */
export interface DeployedTable {
  table: ITable;
  definition: TableDefinition;
}

/** Every table of the definition, by logical name. */
export function createTables(scope: Construct, definitions: readonly TableDefinition[], stage: StageSettings): Map<string, DeployedTable> {
  return new Map(definitions.map((definition) => [definition.name, { table: createTable(scope, definition, stage), definition }]));
}
