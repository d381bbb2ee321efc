/**
 * AWS_IAM mode: a SigV4-signed request (`sigv4.ts`) from a known principal, whose `ctx.identity` is
 * filled as AppSync fills it for IAM users and roles (spec §3.8: the Cognito identity fields are `null`
 * unless the credentials came from an identity pool).
 */
import { createHash } from 'node:crypto';
import type { AuthMode, Clock } from './mode.js';
import { accepted, rejected } from './outcome.js';
import { SIGV4_FAILURE_STATUS, verifySigV4, type SigningCredentials } from './sigv4.js';
import type { CredentialsRequest } from './types.js';

/** An IAM principal the local API trusts: its credentials and what AppSync reports about it. */
export interface IamPrincipal extends SigningCredentials {
  accountId: string;
  /** `arn:aws:iam::<account>:user/<name>` or `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  userArn: string;
  /** AppSync's `identity.username`: the IAM unique id (`AIDA...` for users, `AROA...:<session>` for roles). */
  username: string;
}

export interface IamDependencies {
  /** The API's region; signatures must be scoped to it. */
  region: string;
  principals: readonly IamPrincipal[];
}

/** `ctx.identity` for an IAM request (spec §3.8). */
export interface IamIdentity {
  accountId: string;
  cognitoIdentityPoolId: string | null;
  cognitoIdentityId: string | null;
  sourceIp: string[];
  username: string;
  userArn: string;
  cognitoIdentityAuthType: 'authenticated' | 'unauthenticated' | null;
  cognitoIdentityAuthProvider: string | null;
}

export function createIamMode(deps: IamDependencies, now: Clock): AuthMode {
  return {
    type: 'AWS_IAM',
    async authenticate(request: CredentialsRequest) {
      const verified = await verifySigV4(request, {
        region: deps.region,
        findCredentials: (accessKeyId) => deps.principals.find((principal) => principal.accessKeyId === accessKeyId),
        now,
      });
      if (!verified.ok) return rejected(verified.error, SIGV4_FAILURE_STATUS);
      const principal = verified.credentials;
      const identity: IamIdentity = {
        accountId: principal.accountId,
        cognitoIdentityPoolId: null,
        cognitoIdentityId: null,
        sourceIp: [request.sourceIp],
        username: principal.username,
        userArn: principal.userArn,
        cognitoIdentityAuthType: null,
        cognitoIdentityAuthProvider: null,
      };
      return accepted({ type: 'AWS_IAM', identity, deniedFields: [] });
    },
  };
}

/**
 * An IAM user principal for local credentials (e.g. `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` from
 * the environment, or the ones the local Lambda runner hands to functions that call the API). The
 * unique id is derived from the user name so that it is stable, in AWS's `AIDA` + 17 characters shape.
 */
export function iamUserPrincipal(options: SigningCredentials & { accountId: string; userName: string }): IamPrincipal {
  const uniqueId = `AIDA${createHash('sha256').update(`${options.accountId}/${options.userName}`).digest('hex').slice(0, 17).toUpperCase()}`;
  return {
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    ...(options.sessionToken === undefined ? {} : { sessionToken: options.sessionToken }),
    accountId: options.accountId,
    userArn: `arn:aws:iam::${options.accountId}:user/${options.userName}`,
    username: uniqueId,
  };
}

/**
 * The developer's own credentials, when the environment has them (`AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY`, optional `AWS_SESSION_TOKEN`), so that scripts and tools signing with their
 * usual credentials are accepted by the local API as an IAM user named `local-developer`. The caller
 * passes its environment (read in one place), e.g. `process.env`.
 */
export function environmentIamPrincipals(env: Record<string, string | undefined>, accountId: string): IamPrincipal[] {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return [];
  const sessionToken = env.AWS_SESSION_TOKEN || undefined;
  return [iamUserPrincipal({ accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), accountId, userName: 'local-developer' })];
}
