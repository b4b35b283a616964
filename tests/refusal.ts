/**
 * The one way the tests expect a refusal: the TaizhangError a call throws (or a promise rejects
 * with). Nothing thrown, or anything else thrown, fails the test, so an assertion on the error can
 * never be skipped by a call that happens to succeed.
 */
import { isTaizhangError, TaizhangError } from '../src/core/words/errors';

function check(outcome: { threw: false } | { threw: true; error: unknown }): TaizhangError {
  if (!outcome.threw) throw new Error('expected a refusal (a TaizhangError), but nothing was thrown');
  if (!isTaizhangError(outcome.error)) throw outcome.error;
  return outcome.error;
}

export function refusal(fn: () => unknown): TaizhangError {
  try {
    fn();
  } catch (error) {
    return check({ threw: true, error });
  }
  return check({ threw: false });
}

export async function refusalOf(promise: Promise<unknown>): Promise<TaizhangError> {
  try {
    await promise;
  } catch (error) {
    return check({ threw: true, error });
  }
  return check({ threw: false });
}
