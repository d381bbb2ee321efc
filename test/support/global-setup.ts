/**
 * Starts one DynamoDB Local for the whole test run (in memory); suites get its endpoint with
 * `inject('dynamodbEndpoint')` and create tables of their own (see `test/support/tables.ts`).
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../local/dynamodb/launcher.js';

let dynamodb: RunningDynamoDbLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  dynamodb = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
}

export async function teardown(): Promise<void> {
  await dynamodb?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}
