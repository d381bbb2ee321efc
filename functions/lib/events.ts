/**
 * Server-side events: changes that no plain mutation of the caller announces (a column's card count
 * after a card moved, cards unassigned when their assignee left, memberships ended by a board's
 * deletion) are published through the `@aws_iam` mutations `publishCardChanged`,
 * `publishColumnChanged` and `publishMembershipChanged`, whose NONE resolvers echo their input to the
 * subscriptions listening on them (appsync-realtime.md §4.1, §5 "Publishing is mode-independent").
 *
 * The request is signed with SigV4 (service `appsync`) with the function's own credentials, as on
 * AWS. Subscribers receive what the mutation selects, so every field of the type is selected.
 * A failed publication is logged, not thrown: the change it announces is already committed.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { FunctionConfig } from './config.js';
import type { CardView, ColumnView, MemberView } from './model.js';

export interface BoardEvents {
  cardChanged(card: CardView): Promise<void>;
  columnChanged(column: ColumnView): Promise<void>;
  membershipChanged(member: MemberView): Promise<void>;
}

type Log = (message: string) => void;

/** Publishes through the API at `config.graphqlUrl`. */
export function apiEvents(config: Pick<FunctionConfig, 'graphqlUrl' | 'region' | 'credentials'>, log: Log = console.error): BoardEvents {
  const signer = new SignatureV4({ service: 'appsync', region: config.region, credentials: config.credentials, sha256: Sha256 });
  const url = new URL(config.graphqlUrl);

  async function publish(field: string, argument: string, inputType: string, value: object): Promise<void> {
    const selection = Object.keys(value).join(' ');
    const query = `mutation Publish($value: ${inputType}!) { ${field}(${argument}: $value) { ${selection} } }`;
    const body = JSON.stringify({ query, variables: { value } });
    try {
      const signed = await signer.sign({
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        headers: { host: url.host, 'content-type': 'application/json' },
        body,
      });
      const response = await fetch(url, { method: 'POST', headers: signed.headers, body });
      const answer = (await response.json()) as { errors?: unknown[] };
      if (!response.ok || answer.errors) log(`${field}: the API answered ${response.status} ${JSON.stringify(answer)}`);
    } catch (error) {
      log(`${field}: could not publish: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    cardChanged: (card) => publish('publishCardChanged', 'card', 'CardInput', card),
    columnChanged: (column) => publish('publishColumnChanged', 'column', 'ColumnInput', column),
    membershipChanged: (member) => publish('publishMembershipChanged', 'member', 'MemberInput', member),
  };
}
