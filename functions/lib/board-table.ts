/**
 * The board functions' access to the board table (AWS SDK v3 document client): strongly consistent
 * reads of single items, the position index of a column, transactions whose cancellation comes back
 * as per-item reasons, and the paged reads and batched deletes of whole partitions.
 */
import { DynamoDBClient, TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  boardPk,
  cardSk,
  columnSk,
  memberSk,
  META_SK,
  positionSk,
  positionSkPrefix,
  type BoardItem,
  type CardItem,
  type ColumnItem,
  type MemberItem,
  type PositionItem,
  type TableKey,
} from './model.js';
import type { NeighbourLookup, Placement } from './positions.js';

export type TransactionItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A condition (and the update expression, for updates) with the placeholders both use. */
export interface Expressions {
  condition?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** Why one item of a cancelled transaction failed; a failed condition carries the current item (if any). */
export interface CancellationReason {
  code: string;
  item?: Record<string, unknown>;
}

/**
 * A transaction's outcome. Items are named by the caller; a cancellation lists the items that failed
 * by name, and says whether DynamoDB cancelled because of a concurrent transaction (worth retrying).
 */
export type TransactionOutcome<N extends string> =
  | { committed: true }
  | { committed: false; failed: Partial<Record<N, CancellationReason>>; conflict: boolean };

/** DynamoDB's limit for one BatchWriteItem. */
const BATCH_WRITE_LIMIT = 25;
const UNPROCESSED_RETRIES = 8;

export class BoardTable {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    readonly tableName: string,
    client: DynamoDBClient = new DynamoDBClient({}),
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get<T>(key: TableKey): Promise<T | undefined> {
    const output = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return output.Item as T | undefined;
  }

  board(boardId: string): Promise<BoardItem | undefined> {
    return this.get<BoardItem>({ PK: boardPk(boardId), SK: META_SK });
  }

  member(boardId: string, userId: string): Promise<MemberItem | undefined> {
    return this.get<MemberItem>({ PK: boardPk(boardId), SK: memberSk(userId) });
  }

  column(boardId: string, columnId: string): Promise<ColumnItem | undefined> {
    return this.get<ColumnItem>({ PK: boardPk(boardId), SK: columnSk(columnId) });
  }

  card(boardId: string, cardId: string): Promise<CardItem | undefined> {
    return this.get<CardItem>({ PK: boardPk(boardId), SK: cardSk(cardId) });
  }

  /** The position index of one board's columns, read strongly consistently (see `model.ts`). */
  neighbours(boardId: string): NeighbourLookup {
    const lookup = async (columnId: string, condition: string, bound: string, forward: boolean): Promise<Placement[]> => {
      const output = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: `PK = :pk AND SK ${condition} :bound`,
          ExpressionAttributeValues: { ':pk': boardPk(boardId), ':bound': bound },
          ScanIndexForward: forward,
          ConsistentRead: true,
          Limit: 2,
        }),
      );
      const prefix = positionSkPrefix(columnId);
      return ((output.Items ?? []) as PositionItem[])
        .filter((item) => item.SK.startsWith(prefix))
        .map((item) => ({ cardId: item.cardId, columnId: item.columnId, position: item.position }));
    };
    return {
      following: (columnId, position) => lookup(columnId, '>', positionSk(columnId, position), true),
      // `$` sorts right after `#`: every key of the column is below `POS#<column>$`.
      preceding: (columnId, position) => lookup(columnId, '<', position === null ? `POS#${columnId}$` : positionSk(columnId, position), false),
    };
  }

  put(item: TableKey, expressions: Expressions = {}): TransactionItem {
    return { Put: { TableName: this.tableName, Item: { ...item }, ...conditionParts(expressions) } };
  }

  updateItem(key: TableKey, update: string, expressions: Expressions = {}): TransactionItem {
    return { Update: { TableName: this.tableName, Key: keyOf(key), UpdateExpression: update, ...conditionParts(expressions) } };
  }

  deleteItem(key: TableKey, expressions: Expressions = {}): TransactionItem {
    return { Delete: { TableName: this.tableName, Key: keyOf(key), ...conditionParts(expressions) } };
  }

  conditionCheck(key: TableKey, expressions: Expressions & { condition: string }): TransactionItem {
    return { ConditionCheck: { TableName: this.tableName, Key: keyOf(key), ...conditionParts(expressions), ConditionExpression: expressions.condition } };
  }

  /**
   * Runs the named items (absent ones skipped) as one transaction. A cancellation is an outcome, other
   * failures throw.
   */
  async transact<N extends string>(items: Partial<Record<N, TransactionItem>>): Promise<TransactionOutcome<N>> {
    const entries = Object.entries(items).filter((entry): entry is [N, TransactionItem] => entry[1] !== undefined);
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems: entries.map(([, item]) => item) }));
      return { committed: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed: Partial<Record<N, CancellationReason>> = {};
      let conflict = false;
      (error.CancellationReasons ?? []).forEach((reason, index) => {
        const code = reason.Code ?? 'None';
        if (code === 'None') return;
        if (code === 'TransactionConflict') conflict = true;
        failed[entries[index]![0]] = { code, ...(reason.Item ? { item: unmarshall(reason.Item as Record<string, AttributeValue>) } : {}) };
      });
      return { committed: false, failed, conflict };
    }
  }

  async update<T>(input: Omit<UpdateCommandInput, 'TableName' | 'ReturnValues'>): Promise<T> {
    const output = await this.documents.send(new UpdateCommand({ ...input, TableName: this.tableName, ReturnValues: 'ALL_NEW' }));
    return output.Attributes as T;
  }

  /** One page of a Query on the table (or an index); `startKey` continues a previous page. */
  async queryPage<T>(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
    startKey?: Record<string, unknown>,
  ): Promise<{ items: T[]; nextKey?: Record<string, unknown> }> {
    const output = await this.documents.send(new QueryCommand({ ...input, TableName: this.tableName, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }));
    return { items: (output.Items ?? []) as T[], ...(output.LastEvaluatedKey ? { nextKey: output.LastEvaluatedKey } : {}) };
  }

  /** Every item a Query finds, page after page. */
  async queryAll<T>(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<T[]> {
    const items: T[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.queryPage<T>(input, startKey);
      items.push(...page.items);
      startKey = page.nextKey;
    } while (startKey);
    return items;
  }

  /** Deletes `keys` in batches of 25, retrying what DynamoDB leaves unprocessed. */
  async deleteAll(keys: TableKey[]): Promise<void> {
    for (let start = 0; start < keys.length; start += BATCH_WRITE_LIMIT) {
      let requests = keys.slice(start, start + BATCH_WRITE_LIMIT).map((key) => ({ DeleteRequest: { Key: { PK: key.PK, SK: key.SK } } }));
      for (let attempt = 0; requests.length > 0; attempt += 1) {
        if (attempt > UNPROCESSED_RETRIES) throw new Error(`board table: ${requests.length} deletions stayed unprocessed after ${UNPROCESSED_RETRIES} retries`);
        if (attempt > 0) await pause(20 * 2 ** attempt);
        const output = await this.documents.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (output.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }
}

function keyOf(key: TableKey): TableKey {
  return { PK: key.PK, SK: key.SK };
}

/** The condition and placeholder parts of a transaction item; every failed condition returns the current item. */
function conditionParts({ condition, names, values }: Expressions) {
  return {
    ...(condition ? { ConditionExpression: condition, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    ...(names && Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(values && Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

export function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
