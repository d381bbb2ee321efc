import { stringScalar } from './string-scalar.js';

const SCHEME_AND_REST = /^([A-Za-z][A-Za-z0-9+.-]*):(\S+)$/;

/**
 * RFC 1738 URL with a scheme (`https://…`, `mailto:…`); scheme-less strings and `//` inside the path are
 * refused (spec appsync-graphql-engine.md §2.2, AppSync developer guide).
 */
function isAppSyncUrl(text: string): boolean {
  const match = SCHEME_AND_REST.exec(text);
  if (match === null) return false;
  const rest = match[2]!;
  if (!rest.startsWith('//')) return !rest.includes('//');
  const authorityEnd = rest.indexOf('/', 2);
  const path = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  if (path.includes('//')) return false;
  return URL.canParse(text);
}

export const AWSURL = stringScalar({
  name: 'AWSURL',
  noun: 'URL',
  description: 'A URL with a scheme, as defined by RFC 1738.',
  isValid: isAppSyncUrl,
});
