/**
 * A local IAM user for developers without AWS credentials: an access key pair generated once and kept
 * in `<dataDir>/iam/local-user.json`, trusted by the local API's IAM mode and printed by
 * `liveboard token --iam` for shells and tools that sign with SigV4 (`curl --aws-sigv4`, the AWS SDKs).
 * Like the local user pool, it exists only locally: in AWS the caller's own IAM credentials sign.
 * The server trusts it as an IAM user (`iamUserPrincipal({ ...user, accountId })`, spec §3.8 identity).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from './local-user-pool.js';
import { loadOrCreateStateFile } from './local-state-file.js';

/** The IAM user name of the local credentials (`arn:aws:iam::<account>:user/liveboard-local`). */
export const LOCAL_IAM_USER_NAME = 'liveboard-local';

export interface LocalIamUser {
  accessKeyId: string;
  secretAccessKey: string;
  userName: string;
}

/** Loads the credentials kept in `<dataDir>/iam/local-user.json`, creating them on first use. */
export async function loadLocalIamUser(dataDir: string = DEFAULT_DATA_DIR): Promise<LocalIamUser> {
  return loadOrCreateStateFile(join(dataDir, 'iam', 'local-user.json'), async () => ({
    // AWS's shapes: `AKIA` + 16 upper-case letters and digits 2-7; a 40-character secret.
    accessKeyId: `AKIA${randomCharacters(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    secretAccessKey: randomCharacters(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
    userName: LOCAL_IAM_USER_NAME,
  }));
}

function randomCharacters(length: number, alphabet: string): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}
