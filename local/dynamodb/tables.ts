/**
 * Creates the tables of an `ApiDefinition` (keys, GSIs, LSIs, projections, TTL, stream) on a DynamoDB
 * endpoint, idempotently: a table that already exists is kept with its data, and only what can be
 * added without losing data is brought in line with the definition (missing GSIs, TTL, stream). A
 * difference that cannot be (key schema, LSIs, another TTL attribute) stops with a message saying
 * what to delete.
 *
 * Physical names are the logical names behind an optional prefix, so that test suites (or several
 * local APIs) sharing one DynamoDB Local get tables of their own.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type KeySchemaElement,
  type Projection,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { GlobalSecondaryIndex, IndexProjection, KeyAttribute, TableDefinition } from '../definition/types.js';

/** The definition asks for something DynamoDB cannot give, or an existing table cannot be brought in line. */
export class TableDefinitionError extends Error {
  override readonly name = 'TableDefinitionError';
}

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const TABLE_WAIT_SECONDS = 30;

/** `prefix + logicalName`, checked against DynamoDB's table-name rules. */
export function physicalTableName(logicalName: string, prefix = ''): string {
  const name = `${prefix}${logicalName}`;
  if (!TABLE_NAME.test(name)) {
    throw new TableDefinitionError(`"${name}" is not a valid DynamoDB table name (3-255 characters among a-z, A-Z, 0-9, "_", "-", ".").`);
  }
  return name;
}

/**
 * Logical → physical names for the definition's tables; any other name (e.g. one that is already
 * physical) is returned unchanged. Used as the DynamoDB data source's `resolveTableName`.
 */
export function tableNameResolver(tables: readonly TableDefinition[], prefix = ''): (name: string) => string {
  const physical = new Map(tables.map((table) => [table.name, physicalTableName(table.name, prefix)]));
  return (name) => physical.get(name) ?? name;
}

function keySchema(partitionKey: KeyAttribute, sortKey?: KeyAttribute): KeySchemaElement[] {
  return [{ AttributeName: partitionKey.name, KeyType: 'HASH' }, ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }] : [])];
}

function projection(value: IndexProjection = 'ALL'): Projection {
  return typeof value === 'string' ? { ProjectionType: value } : { ProjectionType: 'INCLUDE', NonKeyAttributes: value.include };
}

/** Every key attribute of the table and its indexes, once each; one name with two types is an error. */
function attributeDefinitions(table: TableDefinition): AttributeDefinition[] {
  const keys = [
    table.partitionKey,
    table.sortKey,
    ...(table.globalSecondaryIndexes ?? []).flatMap((index) => [index.partitionKey, index.sortKey]),
    ...(table.localSecondaryIndexes ?? []).map((index) => index.sortKey),
  ].filter((key): key is KeyAttribute => key !== undefined);
  const types = new Map<string, KeyAttribute['type']>();
  for (const key of keys) {
    const known = types.get(key.name);
    if (known && known !== key.type) {
      throw new TableDefinitionError(`Table "${table.name}": key attribute "${key.name}" is declared both as ${known} and as ${key.type}.`);
    }
    types.set(key.name, key.type);
  }
  return [...types].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

function gsiInput(index: GlobalSecondaryIndex) {
  return { IndexName: index.indexName, KeySchema: keySchema(index.partitionKey, index.sortKey), Projection: projection(index.projection) };
}

/** The CreateTable input for one table definition (on-demand billing, as the CDK stack deploys it). */
export function createTableInput(table: TableDefinition, physicalName: string): CreateTableCommandInput {
  const gsis = table.globalSecondaryIndexes ?? [];
  const lsis = table.localSecondaryIndexes ?? [];
  if (lsis.length > 0 && !table.sortKey) {
    throw new TableDefinitionError(`Table "${table.name}": local secondary indexes need a table with a sort key.`);
  }
  return {
    TableName: physicalName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeDefinitions(table),
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    ...(gsis.length > 0 ? { GlobalSecondaryIndexes: gsis.map(gsiInput) } : {}),
    ...(lsis.length > 0
      ? {
          LocalSecondaryIndexes: lsis.map((index) => ({
            IndexName: index.indexName,
            KeySchema: keySchema(table.partitionKey, index.sortKey),
            Projection: projection(index.projection),
          })),
        }
      : {}),
    ...(table.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream } } : {}),
  };
}

async function describeTable(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function waitForTable(client: DynamoDBClient, name: string): Promise<void> {
  await waitUntilTableExists({ client, maxWaitTime: TABLE_WAIT_SECONDS, minDelay: 1, maxDelay: 1 }, { TableName: name });
}

/** Waits until every index of the table is ACTIVE (a GSI added to an existing table starts CREATING). */
async function waitForIndexes(client: DynamoDBClient, name: string): Promise<void> {
  const deadline = Date.now() + TABLE_WAIT_SECONDS * 1000;
  for (;;) {
    const table = await describeTable(client, name);
    if ((table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE')) return;
    if (Date.now() > deadline) throw new Error(`The indexes of table "${name}" did not become ACTIVE within ${TABLE_WAIT_SECONDS} s.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function enableTimeToLive(client: DynamoDBClient, table: TableDefinition, physicalName: string): Promise<void> {
  const attribute = table.timeToLiveAttribute;
  if (!attribute) return;
  const current = (await client.send(new DescribeTimeToLiveCommand({ TableName: physicalName }))).TimeToLiveDescription;
  const enabled = current?.TimeToLiveStatus === 'ENABLED' || current?.TimeToLiveStatus === 'ENABLING';
  if (enabled && current?.AttributeName === attribute) return;
  if (enabled) {
    throw new TableDefinitionError(
      `Table "${physicalName}" expires items by "${current?.AttributeName}", but the definition says "${attribute}". Delete the table (or the local data directory) to recreate it.`,
    );
  }
  await client.send(new UpdateTimeToLiveCommand({ TableName: physicalName, TimeToLiveSpecification: { Enabled: true, AttributeName: attribute } }));
}

const describeKeys = (keys: KeySchemaElement[] | undefined): string =>
  JSON.stringify((keys ?? []).map((key) => `${key.AttributeName} ${key.KeyType}`));

/** Refuses an existing table whose keys or LSIs differ from the definition: fixing them would lose data. */
function checkUnchangeable(existing: TableDescription, wanted: CreateTableCommandInput): void {
  const problems: string[] = [];
  if (describeKeys(existing.KeySchema) !== describeKeys(wanted.KeySchema)) {
    problems.push(`key schema ${describeKeys(existing.KeySchema)} instead of ${describeKeys(wanted.KeySchema)}`);
  }
  const lsis = (indexes: Array<{ IndexName?: string; KeySchema?: KeySchemaElement[] }> | undefined): string =>
    JSON.stringify((indexes ?? []).map((index) => `${index.IndexName}: ${describeKeys(index.KeySchema)}`).sort());
  if (lsis(existing.LocalSecondaryIndexes) !== lsis(wanted.LocalSecondaryIndexes)) {
    problems.push(`local secondary indexes ${lsis(existing.LocalSecondaryIndexes)} instead of ${lsis(wanted.LocalSecondaryIndexes)}`);
  }
  if (problems.length > 0) {
    throw new TableDefinitionError(
      `Table "${wanted.TableName}" exists with ${problems.join(' and ')}. These cannot change on an existing table: delete the table (or the local data directory) to recreate it.`,
    );
  }
}

/** Adds the definition's GSIs that the existing table lacks (one per UpdateTable, as DynamoDB requires). */
async function addMissingIndexes(client: DynamoDBClient, existing: TableDescription, wanted: CreateTableCommandInput): Promise<string[]> {
  const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = (wanted.GlobalSecondaryIndexes ?? []).filter((index) => !present.has(index.IndexName));
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({
        TableName: wanted.TableName,
        AttributeDefinitions: wanted.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await waitForIndexes(client, wanted.TableName as string);
  }
  return missing.map((index) => index.IndexName as string);
}

async function enableStream(client: DynamoDBClient, existing: TableDescription, wanted: CreateTableCommandInput): Promise<void> {
  const wantedStream = wanted.StreamSpecification;
  const current = existing.StreamSpecification;
  if (!wantedStream || (current?.StreamEnabled && current.StreamViewType === wantedStream.StreamViewType)) return;
  if (current?.StreamEnabled) {
    await client.send(new UpdateTableCommand({ TableName: wanted.TableName, StreamSpecification: { StreamEnabled: false } }));
  }
  await client.send(new UpdateTableCommand({ TableName: wanted.TableName, StreamSpecification: wantedStream }));
}

export interface EnsureTablesResult {
  /** Physical names of the tables created now. */
  created: string[];
  /** Physical names of the tables that already existed (kept, with their data). */
  existing: string[];
  /** `table/index` of GSIs added to existing tables. */
  addedIndexes: string[];
}

/** Creates one table, or brings an existing one in line; records what it did in `result`. */
async function ensureTable(client: DynamoDBClient, table: TableDefinition, prefix: string, result: EnsureTablesResult): Promise<void> {
  const physicalName = physicalTableName(table.name, prefix);
  const wanted = createTableInput(table, physicalName);
  let existing = await describeTable(client, physicalName);
  if (!existing) {
    try {
      await client.send(new CreateTableCommand(wanted));
      result.created.push(physicalName);
    } catch (error) {
      // Someone else created it between our DescribeTable and CreateTable: treat it as existing.
      if (!(error instanceof ResourceInUseException)) throw error;
      existing = await describeTable(client, physicalName);
    }
  }
  await waitForTable(client, physicalName);
  if (existing) {
    result.existing.push(physicalName);
    checkUnchangeable(existing, wanted);
    const added = await addMissingIndexes(client, existing, wanted);
    result.addedIndexes.push(...added.map((index) => `${physicalName}/${index}`));
    await enableStream(client, existing, wanted);
  }
  await enableTimeToLive(client, table, physicalName);
}

/**
 * Makes sure every table of the definition exists on the client's endpoint, named
 * `prefix + logical name`. Safe to call on every start: existing tables and their data are kept.
 */
export async function ensureTables(
  client: DynamoDBClient,
  tables: readonly TableDefinition[],
  options: { prefix?: string } = {},
): Promise<EnsureTablesResult> {
  const result: EnsureTablesResult = { created: [], existing: [], addedIndexes: [] };
  for (const table of tables) await ensureTable(client, table, options.prefix ?? '', result);
  return result;
}
