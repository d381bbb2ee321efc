/**
 * How a client authenticates: the three AppSync auth modes the SDK offers
 * (appsync-graphql-engine.md §3). aws-appsync-auth-link adds the headers of HTTP requests and
 * aws-appsync-subscription-link those of the real-time handshake and of each subscription, both from
 * the same settings, which they accept as they are.
 */

/** AWS credentials for SigV4 (an IAM user's keys, or temporary credentials with their session token). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The `x-api-key` header. */
export interface ApiKeyAuth {
  type: 'API_KEY';
  apiKey: string;
}

/**
 * A Cognito user pool token (the ID token, or the access token) in the `Authorization` header. A
 * function is called for every request and every new subscription, so it can refresh the token.
 */
export interface CognitoUserPoolsAuth {
  type: 'AMAZON_COGNITO_USER_POOLS';
  jwtToken: string | (() => Promise<string>);
}

/** SigV4-signed requests; a function is called for every request, so it can refresh the credentials. */
export interface IamAuth {
  type: 'AWS_IAM';
  credentials: AwsCredentials | (() => Promise<AwsCredentials>);
}

export type ClientAuth = ApiKeyAuth | CognitoUserPoolsAuth | IamAuth;
