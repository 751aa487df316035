/**
 * A use case's outcome as a resolver answers it (src/entry/define-resolver.ts): what it returned, or its
 * RefusalError as the contract's `{ ok: false, error }`, so a test asserts refusals as the page receives them.
 */
import { RefusalError } from '../../src/application/refusal-error';
import type { Refusal } from '../../src/contracts/refusal';

export const answerOf = async <T>(outcome: Promise<T>): Promise<T | Refusal> => {
  try {
    return await outcome;
  } catch (error) {
    if (error instanceof RefusalError) return { ok: false, error: error.detail };
    throw error;
  }
};
