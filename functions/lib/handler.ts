/**
 * What every board function shares: the event its resolver sends (see
 * `resolvers/functions/invokeBoardFunction.ts`), the dependencies built once per execution environment
 * (kept warm between invocations, as Lambda keeps module state), and the dispatch of an event to the
 * operation named by its GraphQL field, answered as a `FunctionOutcome`.
 */
import type { Context } from 'aws-lambda';
import { monotonicFactory } from 'ulid';
import { BoardTable } from './board-table.js';
import { readConfig } from './config.js';
import type { Role } from './domain.js';
import { outcomeOf, type FunctionOutcome } from './errors.js';
import { apiEvents, type BoardEvents } from './events.js';

/** The payload of `invokeBoardFunction`: the field being resolved, its arguments and the caller. */
export interface BoardFunctionEvent {
  field: string;
  arguments: Record<string, unknown>;
  /** The caller's Cognito `sub`. */
  actorId: string;
  /** The caller's role on the board, as `authorizeMember` read it. */
  actorRole: Role;
}

export interface FunctionDependencies {
  table: BoardTable;
  events: BoardEvents;
  /** ISO-8601, as `util.time.nowISO8601()` writes timestamps. */
  now: () => string;
  /** A new ULID (monotonic within the environment). */
  newId: () => string;
}

let dependencies: FunctionDependencies | undefined;

function functionDependencies(): FunctionDependencies {
  if (dependencies) return dependencies;
  const config = readConfig();
  const newUlid = monotonicFactory();
  dependencies = { table: new BoardTable(config.tableName), events: apiEvents(config), now: () => new Date().toISOString(), newId: () => newUlid() };
  return dependencies;
}

export type Operation = (event: BoardFunctionEvent, dependencies: FunctionDependencies, lambda: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<unknown>;

/** A Lambda handler running the operation named by `event.field`. */
export function boardFunction(name: string, operations: Record<string, Operation>) {
  return async (event: BoardFunctionEvent, lambda: Context): Promise<FunctionOutcome<unknown>> => {
    const operation = Object.hasOwn(operations, event.field) ? operations[event.field] : undefined;
    if (!operation) throw new Error(`${name}: no operation for the field '${event.field}'`);
    return outcomeOf(() => operation(event, functionDependencies(), lambda));
  };
}
