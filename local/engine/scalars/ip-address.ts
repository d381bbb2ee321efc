import { isIPv4, isIPv6 } from 'node:net';
import { stringScalar } from './string-scalar.js';

/**
 * IPv4 dotted quad or IPv6 (not bracketed), each with an optional CIDR suffix: `123.45.67.89/16`,
 * `1a2b:3c4b::1234:4567/64` (spec appsync-graphql-engine.md §2.2).
 */
function isIpAddress(text: string): boolean {
  const [address = '', prefix, ...extra] = text.split('/');
  if (extra.length > 0) return false;
  const maxPrefix = isIPv4(address) ? 32 : isIPv6(address) ? 128 : -1;
  if (maxPrefix < 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix;
}

export const AWSIPAddress = stringScalar({
  name: 'AWSIPAddress',
  noun: 'IP address',
  description: 'An IPv4 or IPv6 address, optionally with a CIDR prefix length.',
  isValid: isIpAddress,
});
