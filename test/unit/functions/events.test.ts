import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiEvents } from '../../../functions/lib/events.js';
import { verifySigV4 } from '../../../local/auth/sigv4.js';

const credentials = { accessKeyId: 'AKIDEVENTSTEST000000', secretAccessKey: 'events-test-secret' };

interface Received {
  signature: 'valid' | string;
  body: unknown;
}

/** A stand-in for the API: checks each request's SigV4 signature with the local IAM verifier and records it. */
let server: Server;
let graphqlUrl: string;
let received: Received[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: { data: {} } };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
    const verification = await verifySigV4(
      { headers, sourceIp: '127.0.0.1', method: request.method ?? '', host: headers.host ?? '', path: request.url ?? '', body },
      { region: 'eu-west-1', findCredentials: (id) => (id === credentials.accessKeyId ? credentials : undefined), now: Date.now },
    );
    received.push({ signature: verification.ok ? 'valid' : verification.error.message, body: JSON.parse(body) });
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  graphqlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
  answer = { status: 200, body: { data: {} } };
});

const column = { id: 'c1', boardId: 'b1', name: 'Doing', position: 1, wipLimit: 3, cardCount: 2, lastChange: 'CREATED' as const, createdAt: 'T0', updatedAt: 'T1' };

describe('apiEvents', () => {
  it('publishes through the IAM mutation, signed with SigV4, selecting every field of the value', async () => {
    const log: string[] = [];
    await apiEvents({ graphqlUrl, region: 'eu-west-1', credentials }, (line) => log.push(line)).columnChanged(column);
    expect(received).toEqual([
      {
        signature: 'valid',
        body: {
          query:
            'mutation Publish($value: ColumnInput!) { publishColumnChanged(column: $value) { id boardId name position wipLimit cardCount lastChange createdAt updatedAt } }',
          variables: { value: column },
        },
      },
    ]);
    expect(log).toEqual([]);
  });

  it('names the mutation and input type of each kind of event', async () => {
    const events = apiEvents({ graphqlUrl, region: 'eu-west-1', credentials }, () => undefined);
    const member = { boardId: 'b1', userId: 'u1', role: 'VIEWER' as const, invitedBy: 'u0', joinedAt: 'T0', updatedAt: 'T1', lastChange: 'DELETED' as const };
    await events.membershipChanged(member);
    expect((received[0]!.body as { query: string }).query).toBe(
      'mutation Publish($value: MemberInput!) { publishMembershipChanged(member: $value) { boardId userId role invitedBy joinedAt updatedAt lastChange } }',
    );
  });

  it('logs, and does not throw, when the API refuses the event or cannot be reached', async () => {
    const log: string[] = [];
    answer = { status: 200, body: { data: null, errors: [{ message: 'nope' }] } };
    await apiEvents({ graphqlUrl, region: 'eu-west-1', credentials }, (line) => log.push(line)).columnChanged(column);
    await apiEvents({ graphqlUrl: 'http://127.0.0.1:1/graphql', region: 'eu-west-1', credentials }, (line) => log.push(line)).columnChanged(column);
    expect(log).toEqual(['publishColumnChanged: the API answered 200 {"data":null,"errors":[{"message":"nope"}]}', 'publishColumnChanged: could not publish: fetch failed']);
  });
});
