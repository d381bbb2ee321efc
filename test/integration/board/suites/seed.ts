/** `liveboard seed`: the demo board with two users, loaded over HTTP into the running API, once. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as seed } from '../../../../local/cli/seed.js';
import type { BoardApi, User } from '../support/board-api.js';
import { only } from '../support/operations.js';

export function seedSuite(app: () => BoardApi): void {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Runs the command and answers its exit code and what it printed. */
  async function runSeed(): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    const code = await seed(['--url', app().api.url, '--data-dir', app().api.dataDir]);
    vi.restoreAllMocks();
    return { code, stdout };
  }

  /** The user whose token the output prints, as `{"Authorization": "<token>"}` after their name. */
  function printedUser(stdout: string, name: string): User {
    const match = new RegExp(`  ${name} \\((?:OWNER|EDITOR), id ([0-9a-f-]+)\\)\\n    \\{"Authorization": "([^"]+)"\\}`).exec(stdout);
    if (!match) throw new Error(`no token for ${name} in:\n${stdout}`);
    return { name, id: match[1]!, token: match[2]! };
  }

  describe('liveboard seed', () => {
    it('loads a demo board shared by alice and bob and prints a working token for each', async () => {
      const first = await runSeed();
      expect(first.code).toBe(0);
      const boardId = /"Liveboard demo" \((\w+)\)/.exec(first.stdout)![1]!;
      expect(first.stdout).toContain(`liveboard seed: demo board created: "Liveboard demo" (${boardId}) at ${app().api.url}`);
      const bob = printedUser(first.stdout, 'bob');
      const board = only(await app().gql(bob, 'query($id: ID!) { board(id: $id) { name myRole members { role } columns { name cards { title comments { text } } } } }', { id: boardId }));
      expect(board).toEqual({
        name: 'Liveboard demo',
        myRole: 'EDITOR',
        members: expect.arrayContaining([{ role: 'OWNER' }, { role: 'EDITOR' }]),
        columns: [
          {
            name: 'To do',
            cards: [
              { title: 'Open GraphiQL and run the board query', comments: [] },
              { title: 'Subscribe to onCardChanged as bob', comments: [] },
              { title: 'Move a card as alice and watch it arrive', comments: [] },
            ],
          },
          {
            name: 'Doing',
            cards: [
              { title: 'Write the release notes', comments: [{ text: 'Draft is in the wiki.' }, { text: 'Add the benchmark figures.' }] },
              { title: 'Review the CDK stack', comments: [] },
            ],
          },
          { name: 'Done', cards: [{ title: 'Set up DynamoDB Local', comments: [{ text: 'Runs offline, no AWS account needed.' }] }] },
        ],
      });
      expect(board.members).toHaveLength(2);

      const again = await runSeed();
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`liveboard seed: the demo board was already there: "Liveboard demo" (${boardId})`);
      const alice = printedUser(again.stdout, 'alice');
      expect(only(await app().gql(alice, '{ myBoards { items { name myRole } } }'))).toEqual({ items: [{ name: 'Liveboard demo', myRole: 'OWNER' }] });
    });

    it('says what is wrong when the API is not there', async () => {
      let stderr = '';
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        stderr += String(chunk);
        return true;
      });
      const code = await seed(['--url', 'http://127.0.0.1:1/graphql', '--data-dir', app().api.dataDir]);
      expect({ code, stderr }).toEqual({ code: 1, stderr: 'liveboard seed: could not seed the API at http://127.0.0.1:1/graphql: fetch failed\n' });
    });
  });
}
