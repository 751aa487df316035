import { seededRandom } from '../faults/seeded-random';
import type { BackgroundWork } from './background-work';
import type { PlatformHabits } from './platform-habits';

/** A Forge function invocation that ran past its time limit; the platform kills it. */
export class InvocationTimeoutError extends Error {
  constructor(
    readonly label: string,
    readonly limitMs: number,
  ) {
    super(`${label} was killed after ${String(limitMs)} ms (its time limit)`);
    this.name = 'InvocationTimeoutError';
  }
}

/** Runs `work`, failing with InvocationTimeoutError once `limitMs` passed (the work itself is abandoned). */
export const withTimeLimit = async <T>(
  label: string,
  limitMs: number,
  work: () => Promise<T>,
): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new InvocationTimeoutError(label, limitMs));
    }, limitMs);
  });
  try {
    return await Promise.race([work(), killed]);
  } finally {
    clearTimeout(timer);
  }
};

/** What @forge/events' InvocationError serialises to: the constructor returns `{_retry, retryOptions}`. */
interface RetryRequest {
  readonly retryAfter: number;
  readonly retryReason: string;
  readonly retryData: unknown;
}

const retryRequest = (returned: unknown): RetryRequest | undefined => {
  if (typeof returned !== 'object' || returned === null) return undefined;
  const candidate = returned as { _retry?: unknown; retryOptions?: unknown };
  if (candidate._retry !== true) return undefined;
  const options = (candidate.retryOptions ?? {}) as Record<string, unknown>;
  const retryAfter = typeof options.retryAfter === 'number' ? options.retryAfter : 1;
  return {
    // Forge: retryAfter is at least 1 and at most 900 seconds (F:events-reference/product_events).
    retryAfter: Math.min(900, Math.max(1, retryAfter)),
    retryReason: typeof options.retryReason === 'string' ? options.retryReason : 'FUNCTION_RETRY_REQUEST',
    retryData: options.retryData,
  };
};

/** The retryContext Forge adds to a redelivered event. */
export interface RetryContext {
  readonly retryCount: number;
  readonly retryReason: string;
  readonly retryData: unknown;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Delivers post-function and trigger events as the platform does (F:events-reference/product_events): at least
 * once and sometimes twice (seeded), each invocation killed at the module's timeoutSeconds, and invoked again
 * with a retryContext when the handler returns an InvocationError, at most `maxInvocationRetries` times.
 */
export class AsyncDelivery {
  private random: () => number;
  private seed: number;

  constructor(
    private readonly habits: PlatformHabits,
    private readonly background: BackgroundWork,
  ) {
    this.seed = habits.duplicateDelivery.seed;
    this.random = seededRandom(this.seed);
  }

  deliver(
    label: string,
    timeoutSeconds: number,
    invoke: (retryContext: RetryContext | undefined) => Promise<unknown>,
  ): void {
    const limitMs = timeoutSeconds * this.habits.msPerTimeoutSecond;
    const once = async (): Promise<void> => {
      let retryContext: RetryContext | undefined;
      for (let attempt = 0; ; attempt += 1) {
        const returned = await withTimeLimit(label, limitMs, () => invoke(retryContext));
        const request = retryRequest(returned);
        if (request === undefined) return;
        if (attempt >= this.habits.maxInvocationRetries)
          throw new Error(
            `${label} asked for a retry after ${String(attempt)} retries; the platform stops at ${String(this.habits.maxInvocationRetries)}`,
          );
        await sleep(request.retryAfter * this.habits.msPerRetryAfterSecond);
        retryContext = {
          retryCount: attempt + 1,
          retryReason: request.retryReason,
          retryData: request.retryData,
        };
      }
    };
    this.background.run(label, once);
    if (this.chanceOfDuplicate()) {
      const { delayMs } = this.habits.duplicateDelivery;
      this.background.run(`${label} (delivered again)`, async () => {
        await sleep(delayMs);
        await once();
      });
    }
  }

  private chanceOfDuplicate(): boolean {
    const { probability, seed } = this.habits.duplicateDelivery;
    if (seed !== this.seed) {
      this.seed = seed;
      this.random = seededRandom(seed);
    }
    return probability > 0 && this.random() < probability;
  }
}
