/**
 * The definition's auth modes as AppSync's authorization configuration: the same modes, the same
 * order (default first), the same settings the local authenticator (`local/auth/`) enforces.
 */
import { Duration, Expiration } from 'aws-cdk-lib';
import { AuthorizationType, UserPoolDefaultAction, type AuthorizationConfig, type AuthorizationMode } from 'aws-cdk-lib/aws-appsync';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { AuthenticationConfig, AuthModeConfig, AuthType } from '../local/definition/types.js';

export interface AuthModeResources {
  /** Present when a mode is `AMAZON_COGNITO_USER_POOLS`. */
  userPool?: IUserPool;
  /** The deployed function of a `lambdaFunctions` entry (for `AWS_LAMBDA`). */
  lambdaFunction(name: string): IFunction;
}

export function authModesOf(authentication: AuthenticationConfig): AuthModeConfig[] {
  return [authentication.default, ...(authentication.additional ?? [])];
}

export function usesAuthType(authentication: AuthenticationConfig, type: AuthType): boolean {
  return authModesOf(authentication).some((mode) => mode.type === type);
}

/**
 * One mode. `isDefault` matters for user pools only: AppSync's default action (ALLOW/DENY) exists
 * for the default mode alone.
 */
function authorizationMode(mode: AuthModeConfig, resources: AuthModeResources, isDefault: boolean): AuthorizationMode {
  switch (mode.type) {
    case 'API_KEY':
      // A lifetime counts from synth time, so every deploy moves the key's expiry forward. Without one,
      // AppSync applies its default (7 days from the key's creation, spec appsync-graphql-engine.md §3.5).
      return {
        authorizationType: AuthorizationType.API_KEY,
        ...(mode.expiresInDays === undefined ? {} : { apiKeyConfig: { expires: Expiration.after(Duration.days(mode.expiresInDays)) } }),
      };
    case 'AMAZON_COGNITO_USER_POOLS': {
      if (!resources.userPool) throw new Error('internal: the AMAZON_COGNITO_USER_POOLS mode needs the user pool');
      return {
        authorizationType: AuthorizationType.USER_POOL,
        userPoolConfig: {
          userPool: resources.userPool,
          ...(isDefault ? { defaultAction: mode.defaultAction === 'DENY' ? UserPoolDefaultAction.DENY : UserPoolDefaultAction.ALLOW } : {}),
          ...(mode.appIdClientRegex === undefined ? {} : { appIdClientRegex: mode.appIdClientRegex }),
        },
      };
    }
    case 'OPENID_CONNECT':
      return {
        authorizationType: AuthorizationType.OIDC,
        openIdConnectConfig: {
          oidcProvider: mode.issuer,
          ...(mode.clientId === undefined ? {} : { clientId: mode.clientId }),
          ...(mode.authTTL === undefined ? {} : { tokenExpiryFromAuth: mode.authTTL }),
          ...(mode.iatTTL === undefined ? {} : { tokenExpiryFromIssue: mode.iatTTL }),
        },
      };
    case 'AWS_IAM':
      return { authorizationType: AuthorizationType.IAM };
    case 'AWS_LAMBDA':
      return {
        authorizationType: AuthorizationType.LAMBDA,
        lambdaAuthorizerConfig: {
          handler: resources.lambdaFunction(mode.function),
          ...(mode.resultsCacheTtlSeconds === undefined ? {} : { resultsCacheTtl: Duration.seconds(mode.resultsCacheTtlSeconds) }),
          ...(mode.identityValidationExpression === undefined ? {} : { validationRegex: mode.identityValidationExpression }),
        },
      };
  }
}

export function authorizationConfig(authentication: AuthenticationConfig, resources: AuthModeResources): AuthorizationConfig {
  return {
    defaultAuthorization: authorizationMode(authentication.default, resources, true),
    additionalAuthorizationModes: (authentication.additional ?? []).map((mode) => authorizationMode(mode, resources, false)),
  };
}
