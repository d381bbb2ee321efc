/**
 * The region SigV4 signs for (AWS_IAM) when the caller names none: an AppSync endpoint's own
 * (`https://<api id>.appsync-api.<region>.amazonaws.com/graphql`, also under `.amazonaws.com.cn`), else
 * `us-east-1`, the region of the local server's IAM mode.
 */
const APPSYNC_ENDPOINT = /^https:\/\/\w+\.appsync-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\//i;
const LOCAL_REGION = 'us-east-1';

export function regionOf(url: string): string {
  return APPSYNC_ENDPOINT.exec(url)?.[1] ?? LOCAL_REGION;
}
