/** The default signing region of a client (client/region.ts). */
import { describe, expect, it } from 'vitest';
import { regionOf } from '../../../client/region.js';

describe('regionOf', () => {
  it('reads the region of an AppSync endpoint, and falls back to the local server’s', () => {
    expect(
      [
        'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-3.amazonaws.com/graphql',
        'https://abcdefghijklmnopqrstuvwxyz.appsync-api.cn-north-1.amazonaws.com.cn/graphql',
        'https://api.example.com/graphql',
        'http://127.0.0.1:4000/graphql',
      ].map(regionOf),
    ).toEqual(['eu-west-3', 'cn-north-1', 'us-east-1', 'us-east-1']);
  });
});
