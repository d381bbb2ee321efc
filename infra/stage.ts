/**
 * Deployment stages. The stage is chosen with CDK context (`cdk synth -c stage=prod`, default `dev`)
 * and decides names (`<api>-<stage>`) and how much the stack protects and logs: a `prod` stack keeps
 * its data when it is deleted or a resource is replaced, a `dev` stack cleans up after itself.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { FieldLogLevel } from 'aws-cdk-lib/aws-appsync';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const STAGE_NAMES = ['dev', 'prod'] as const;

export type StageName = (typeof STAGE_NAMES)[number];

const DEFAULT_STAGE: StageName = 'dev';

export interface StageSettings {
  name: StageName;
  /** For what holds data: tables, the user pool, log groups. */
  removalPolicy: RemovalPolicy;
  /** DynamoDB deletion protection (a table cannot be deleted, not even by CloudFormation). */
  deletionProtection: boolean;
  /** Retention of the API's and the functions' log groups. */
  logRetention: RetentionDays;
  /** AppSync field-level logging. */
  fieldLogLevel: FieldLogLevel;
  /** AppSync leaves headers, context and evaluated code out of the logs. */
  excludeVerboseContent: boolean;
}

const SETTINGS: Record<StageName, Omit<StageSettings, 'name'>> = {
  // Everything a developer needs to see why a resolver did what it did, kept a week.
  dev: {
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    logRetention: RetentionDays.ONE_WEEK,
    fieldLogLevel: FieldLogLevel.ALL,
    excludeVerboseContent: false,
  },
  // Errors only, without request content (tokens, personal data), kept three months; data is retained.
  prod: {
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    logRetention: RetentionDays.THREE_MONTHS,
    fieldLogLevel: FieldLogLevel.ERROR,
    excludeVerboseContent: true,
  },
};

/** Thrown for a stage that is not one of `STAGE_NAMES`. */
export class UnknownStageError extends Error {
  override readonly name = 'UnknownStageError';
}

/** The stage named by CDK context (`undefined` = the default stage). */
export function stageSettings(contextValue: unknown): StageSettings {
  const name = contextValue ?? DEFAULT_STAGE;
  if (!STAGE_NAMES.includes(name as StageName)) {
    throw new UnknownStageError(`Unknown stage ${JSON.stringify(name)}: use -c stage=${STAGE_NAMES.join(' or -c stage=')}.`);
  }
  return { name: name as StageName, ...SETTINGS[name as StageName] };
}
