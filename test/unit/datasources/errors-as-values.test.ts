/** The contract every data source keeps: AppSync errors become `ctx.error` values, bugs still reject. */
import { describe, expect, it } from 'vitest';
import { LambdaUnhandledException, MappingTemplateException } from '../../../local/errors.js';
import { withErrorsAsValues } from '../../../local/datasources/errors-as-values.js';

describe('withErrorsAsValues', () => {
  it('passes a result through', async () => {
    expect(await withErrorsAsValues(async () => ({ result: { id: 1 } }))).toEqual({ result: { id: 1 } });
  });

  it('turns an AppSync error, thrown at once or later, into { result: null, error }', async () => {
    const thrownAtOnce = withErrorsAsValues(() => {
      throw new MappingTemplateException("Value for field '$[operation]' not found.");
    });
    const rejectedLater = withErrorsAsValues(async () => {
      await Promise.resolve();
      throw new MappingTemplateException('later');
    });
    expect(await Promise.all([thrownAtOnce, rejectedLater])).toEqual([
      { result: null, error: { type: 'MappingTemplate', message: "Value for field '$[operation]' not found." } },
      { result: null, error: { type: 'MappingTemplate', message: 'later' } },
    ]);
  });

  it("keeps a Lambda function's own errorType next to Lambda:Unhandled", async () => {
    // spec: appsync-js-runtime.md §8 item 112
    const outcome = await withErrorsAsValues(async () => {
      throw new LambdaUnhandledException('Parameter cannot be empty', 'ValidationError');
    });
    expect(outcome).toEqual({ result: null, error: { type: 'Lambda:Unhandled', message: 'Parameter cannot be empty', unhandledErrorType: 'ValidationError' } });
  });

  it('lets any other exception reject: it is a bug in the emulator, not a data source error', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    await expect(withErrorsAsValues(async () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
