import { stringScalar } from './string-scalar.js';

/**
 * RFC 822 address as AppSync checks it; `a@b` (no TLD) is accepted. The pattern is the one amplify-js
 * aligned with AppSync (spec appsync-graphql-engine.md §2.2).
 */
const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export const AWSEmail = stringScalar({
  name: 'AWSEmail',
  noun: 'email address',
  description: 'An email address `local-part@domain-part` (RFC 822).',
  isValid: (text) => EMAIL_PATTERN.test(text),
});
