import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../local/auth/authenticator.js';
import { graphqlRequest } from '../../fixtures/auth/requests.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const HOUR = 3600;
const apiKeys = [
  { id: 'da2-valid', expires: NOW / 1000 + 7 * 24 * HOUR },
  { id: 'da2-expired', expires: NOW / 1000 - HOUR },
  { id: 'da2-expires-now', expires: NOW / 1000 },
];
const authenticator = createAuthenticator({ default: { type: 'API_KEY' } }, { apiKeys, now: () => NOW });

// spec: appsync-graphql-engine.md §3.5, §3.7 (conformance items 44-46, 71)
describe('API_KEY mode', () => {
  it('accepts a known, unexpired key with a null identity', async () => {
    expect(await authenticator.authenticate(graphqlRequest({ 'x-api-key': 'da2-valid' }))).toEqual({
      ok: true,
      auth: { type: 'API_KEY', identity: null, deniedFields: [] },
    });
  });

  it.each([
    ['an unknown key', 'da2-unknown'],
    ['an expired key', 'da2-expired'],
    ['a key at its expiry instant', 'da2-expires-now'],
    ['an empty key', ''],
  ])('refuses %s with 401 UnauthorizedException', async (_label, key) => {
    expect(await authenticator.authenticate(graphqlRequest({ 'x-api-key': key }))).toEqual({
      ok: false,
      errorType: 'UnauthorizedException',
      message: 'You are not authorized to make this call.',
    });
  });

  it('refuses a request without credentials', async () => {
    expect(await authenticator.authenticate(graphqlRequest({}))).toEqual({
      ok: false,
      errorType: 'UnauthorizedException',
      message: 'Missing authorization header',
    });
  });

  it('honours keys added after creation (keys are read per request)', async () => {
    const keys = [{ id: 'da2-a', expires: NOW / 1000 + HOUR }];
    const auth = createAuthenticator({ default: { type: 'API_KEY' } }, { apiKeys: keys, now: () => NOW });
    keys.push({ id: 'da2-b', expires: NOW / 1000 + HOUR });
    expect(await auth.authenticate(graphqlRequest({ 'x-api-key': 'da2-b' }))).toEqual({
      ok: true,
      auth: { type: 'API_KEY', identity: null, deniedFields: [] },
    });
  });

  it('refuses to start without the keys it needs', () => {
    expect(() => createAuthenticator({ default: { type: 'API_KEY' } }, {})).toThrow(
      "auth: mode API_KEY is configured but the dependency 'apiKeys' was not given",
    );
  });
});
