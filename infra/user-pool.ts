/**
 * The Cognito user pool behind the `AMAZON_COGNITO_USER_POOLS` auth mode, and the app client the web and
 * mobile clients sign in with (public: no secret). Locally, `liveboard token` plays this pool's part
 * (its tokens carry `cognito:username` and `cognito:groups` the same way).
 */
import { AccountRecovery, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StageSettings } from './stage.js';

export class ApiUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: { apiName: string; stage: StageSettings }) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Pool', {
      userPoolName: `${props.apiName}-users`,
      selfSignUpEnabled: true,
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: props.stage.deletionProtection,
      removalPolicy: props.stage.removalPolicy,
    });
    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: `${props.apiName}-web`,
      generateSecret: false,
      // SRP for the apps; USER_PASSWORD_AUTH so that scripts can get a token with `aws cognito-idp initiate-auth`.
      authFlows: { userSrp: true, userPassword: true },
      // No hosted UI: the apps sign in through the Cognito API (CDK would otherwise enable OAuth flows).
      disableOAuth: true,
      preventUserExistenceErrors: true,
    });
  }
}
