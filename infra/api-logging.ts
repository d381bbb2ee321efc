/**
 * Field-level logging of the API into a log group this stack owns (`/aws/appsync/apis/<api id>`, the
 * name AppSync writes to), with the stage's retention and removal policy.
 *
 * CDK's own `logConfig` would add a `LogRetention` custom resource (a Lambda function of CDK's choosing
 * that sets the retention after the fact) and give AppSync the managed `AWSAppSyncPushToCloudWatchLogs`
 * policy, which may write to every log group of the account. Owning the log group avoids both: AppSync's
 * role may write to this one log group only.
 */
import { Fn } from 'aws-cdk-lib';
import type { CfnGraphQLApi, GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { StageSettings } from './stage.js';

export class ApiLogging extends Construct {
  readonly logGroup: LogGroup;
  /** The role AppSync writes logs with. */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: { api: GraphqlApi; stage: StageSettings }) {
    super(scope, id);
    const { api, stage } = props;
    this.logGroup = new LogGroup(this, 'LogGroup', {
      logGroupName: Fn.join('', ['/aws/appsync/apis/', api.apiId]),
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('appsync.amazonaws.com'), description: `AppSync logging of ${api.name}` });
    // AppSync's documented logging permissions, on this log group (and its streams) only.
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] }),
    );
    const cfnApi = api.node.defaultChild as CfnGraphQLApi;
    cfnApi.logConfig = { cloudWatchLogsRoleArn: this.role.roleArn, fieldLogLevel: stage.fieldLogLevel, excludeVerboseContent: stage.excludeVerboseContent };
  }
}
