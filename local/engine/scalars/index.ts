/** AppSync's scalars, by name (spec appsync-graphql-engine.md §2.2). */
import type { GraphQLScalarType } from 'graphql';
import { AWSEmail } from './email.js';
import { AWSIPAddress } from './ip-address.js';
import { AWSJSON } from './json.js';
import { AWSPhone } from './phone.js';
import { AWSDate, AWSDateTime, AWSTime } from './temporal.js';
import { AWSTimestamp } from './timestamp.js';
import { AWSURL } from './url.js';

export { ScalarParseError, ScalarSerializeError } from './scalar-errors.js';

export const appSyncScalars: Readonly<Record<string, GraphQLScalarType>> = {
  AWSDate,
  AWSTime,
  AWSDateTime,
  AWSTimestamp,
  AWSEmail,
  AWSJSON,
  AWSURL,
  AWSPhone,
  AWSIPAddress,
};
