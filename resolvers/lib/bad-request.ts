/** How a resolver refuses input that breaks a rule of ./input-rules.ts. For APPSYNC_JS resolvers only (it calls `util`). */
import { util } from '@aws-appsync/utils';

/** Raises `problem` as a BadRequest error; nothing when it is null. */
export function refuseBadRequest(problem: string | null): void {
  if (problem !== null) util.error(problem, 'BadRequest');
}
