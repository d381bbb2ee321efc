import { describe, expect, inject, it } from 'vitest';
import { startDynamoDbLocal } from '../../../local/dynamodb/launcher.js';

// The suite runs one DynamoDB Local per test run (CI budget), so persistence across a JVM restart
// is exercised by `npm start` use, not here; restarting the server on the same DynamoDB keeps data
// (test/integration/server/restart.test.ts).
describe('DynamoDB Local launcher', () => {
  it('refuses a port that is already taken (its owner would answer the readiness check)', async () => {
    const port = Number(new URL(inject('dynamodbEndpoint')).port);
    await expect(startDynamoDbLocal({ port })).rejects.toThrow(
      new Error(`Port ${port} is already in use: DynamoDB Local cannot listen there. Choose another port, or set DYNAMODB_ENDPOINT to use the DynamoDB that runs there.`),
    );
  });
});
