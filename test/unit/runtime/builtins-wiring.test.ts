/**
 * The runtime's side of the built-ins: `extensions` and `runtime` (implemented here, spec
 * appsync-js-runtime.md §3.9-3.10), and how `util` reaches the evaluation in progress (clock, auth
 * type, response headers; the real `util` from local/runtime/util).
 */
import { describe, expect, it } from 'vitest';
import { loadResolverCode } from '../../../local/runtime/index.js';
import { codeError, EMPTY_RECORD, evaluate, moduleWithRequest, returned } from './helpers.js';

describe('extensions (spec §3.9)', () => {
  it('records every call on the outcome, in order', () => {
    const source = moduleWithRequest(
      [
        'extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ boardId: { eq: ctx.args.boardId } }));',
        '  extensions.setSubscriptionInvalidationFilter({ filterGroup: [{ filters: [{ fieldName: "userId", operator: "eq", value: "u1" }] }] });',
        '  extensions.invalidateSubscriptions({ subscriptionField: "onCardChanged", payload: { userId: "u1" } });',
        '  extensions.evictFromApiCache("Query", "getBoard", { "context.arguments.id": "b1" });',
        '  return null;',
      ].join('\n'),
    );
    expect(evaluate(source, 'request', { arguments: { boardId: 'b1' } })).toEqual(
      returned(null, {
        extensions: {
          subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'boardId', operator: 'eq', value: 'b1' }] }] },
          subscriptionInvalidationFilter: { filterGroup: [{ filters: [{ fieldName: 'userId', operator: 'eq', value: 'u1' }] }] },
          invalidations: [{ subscriptionField: 'onCardChanged', payload: { userId: 'u1' } }],
          cacheEvictions: [{ typeName: 'Query', fieldName: 'getBoard', keys: { 'context.arguments.id': 'b1' } }],
        },
      }),
    );
  });

  it('refuses an invalidation without a subscription field, at the call', () => {
    expect(evaluate(moduleWithRequest('extensions.invalidateSubscriptions({ payload: {} });\n  return null;'), 'request')).toEqual(
      codeError('code.js:2:3: invalidateSubscriptions expects { subscriptionField: string, payload: object }'),
    );
  });

  it('starts every evaluation with no recorded calls', () => {
    const code = loadResolverCode(moduleWithRequest('if (ctx.args.record) { extensions.invalidateSubscriptions({ subscriptionField: "s", payload: {} }); }\n  return null;'), { fileName: 'code.js' });
    expect(code.evaluate('request', { arguments: { record: true } })).toEqual(returned(null, { extensions: { invalidations: [{ subscriptionField: 's', payload: {} }], cacheEvictions: [] } }));
    expect(code.evaluate('request', { arguments: { record: false } })).toEqual(returned(null));
  });
});

describe('runtime (spec §3.10)', () => {
  it('refuses an unknown skipTo', () => {
    expect(evaluate(moduleWithRequest('runtime.earlyReturn({}, { skipTo: "LATER" });'), 'request')).toEqual(
      codeError('code.js:2:3: earlyReturn: skipTo must be "END" or "NEXT", got "LATER"'),
    );
  });

  it('works through the import', () => {
    const source = 'import { runtime as rt } from "@aws-appsync/utils";\nexport function request(ctx) { rt.earlyReturn([1]); }\nexport function response(ctx) { return null; }\n';
    expect(evaluate(source, 'request')).toEqual({ status: 'earlyReturn', value: [1], skipTo: 'NEXT', ...EMPTY_RECORD });
  });
});

describe('util sees the evaluation in progress', () => {
  // spec: items 60, 62-64 — the clock and the auth type come from the evaluation's options.
  it('uses the evaluation clock and auth type', () => {
    const code = loadResolverCode(moduleWithRequest('return [util.time.nowISO8601(), util.time.nowEpochSeconds(), util.authType()];'), { fileName: 'code.js' });
    expect(code.evaluate('request', {}, { now: () => 1517943695758, authType: 'User Pool Authorization' })).toEqual(
      returned(['2018-02-06T19:01:35.758Z', 1517943695, 'User Pool Authorization']),
    );
    expect(code.evaluate('request', {}, { now: () => 0 })).toEqual(returned(['1970-01-01T00:00:00.000Z', 0, 'API Key Authorization']));
  });

  it('collects response headers per evaluation', () => {
    const code = loadResolverCode(moduleWithRequest('util.http.addResponseHeader("x-board", ctx.args.id);\n  return null;'), { fileName: 'code.js' });
    expect(code.evaluate('request', { arguments: { id: 'b1' } })).toEqual(returned(null, { responseHeaders: { 'x-board': 'b1' } }));
    expect(code.evaluate('request', { arguments: { id: 'b2' } })).toEqual(returned(null, { responseHeaders: { 'x-board': 'b2' } }));
  });
});
