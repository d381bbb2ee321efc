import { describe, expect, inject, it } from 'vitest';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from '../../../local/dynamodb/launcher.js';

describe('DynamoDB Local started by the global setup', () => {
  it('answers ListTables on the injected endpoint', async () => {
    const client = localDynamoDbClient(inject('dynamodbEndpoint'));
    const answer = await client.send(new ListTablesCommand({}));
    expect(Array.isArray(answer.TableNames)).toBe(true);
    client.destroy();
  });
});
