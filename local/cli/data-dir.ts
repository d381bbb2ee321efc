/**
 * Where the CLI commands keep and find local state (the Cognito, OIDC and IAM stand-ins, the TLS
 * certificate, DynamoDB Local's files). `start`, `token` and `seed` must agree, or tokens minted by one
 * are refused by the server another started.
 */
import { DEFAULT_DATA_DIR } from '../auth/local-user-pool.js';

/** `--data-dir` when given, else `LIVEBOARD_DATA_DIR`, else `.liveboard`. */
export function dataDirFrom(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? (env.LIVEBOARD_DATA_DIR || DEFAULT_DATA_DIR);
}
