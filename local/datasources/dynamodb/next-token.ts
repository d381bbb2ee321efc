/**
 * `nextToken` for Query, Scan and Sync (spec appsync-js-runtime.md §5.1). AppSync's tokens are opaque
 * (AWS encrypts the `LastEvaluatedKey`; clients cannot build one). Locally a token is the base64url of
 * a JSON envelope `{ v: 1, table, index, lek }` followed by `.` and an HMAC-SHA256 of it, so that a
 * tampered token, or one issued for another table or index, is refused instead of silently paging
 * somewhere else.
 *
 * A refused token gives the error AppSync gives (observed in aws-amplify/amplify-cli#3411):
 * `DynamoDB:UserIllegalArgumentException`, "com.amazonaws.deepdish.common.pagination.
 * InvalidPaginationTokenException: Invalid pagination token given."
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DynamoDbException } from '../../errors.js';
import { toSdkItem, toTypedItem, type SdkItem } from './attribute-values.js';
import { isRecord } from '../request-fields.js';

/** What a token is valid for: the physical table and the index (null for the table itself). */
export interface PaginationScope {
  table: string;
  index: string | null;
}

export interface PaginationTokens {
  encode(scope: PaginationScope, lastEvaluatedKey: SdkItem): string;
  /** The `ExclusiveStartKey` a token stands for; throws AppSync's pagination error when it is not ours. */
  decode(scope: PaginationScope, token: string): SdkItem;
}

/**
 * Tokens signed with one process-wide key unless a secret is given: tokens then stay valid across
 * data sources of the same process (as AppSync's do across resolvers), but not across restarts.
 */
const processSecret = randomBytes(32);

export function invalidPaginationToken(): DynamoDbException {
  return new DynamoDbException(
    'UserIllegalArgumentException',
    'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
  );
}

export function createPaginationTokens(secret: string | Uint8Array = processSecret): PaginationTokens {
  const sign = (payload: string): Buffer => createHmac('sha256', secret).update(payload).digest();

  return {
    encode(scope, lastEvaluatedKey) {
      const envelope = { v: 1, table: scope.table, index: scope.index, lek: toTypedItem(lastEvaluatedKey) };
      const payload = Buffer.from(JSON.stringify(envelope)).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },

    decode(scope, token) {
      const [payload, signature, ...rest] = token.split('.');
      if (payload === undefined || signature === undefined || rest.length > 0) throw invalidPaginationToken();
      const expected = sign(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidPaginationToken();
      const envelope: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!isRecord(envelope) || envelope.v !== 1 || envelope.table !== scope.table || envelope.index !== scope.index) {
        throw invalidPaginationToken();
      }
      return toSdkItem(envelope.lek, '$[nextToken]');
    },
  };
}
