import { JiraHttpError, JiraUnavailableError } from '../../../src/adapters/jira/jira-errors';
import type { JiraResponse } from '../../../src/adapters/jira/jira-fetcher';
import {
  sendWithRetries,
  type RetryPolicy,
  type RetryStats,
} from '../../../src/adapters/jira/send-with-retries';

const response = (status: number, headers: Record<string, string> = {}): JiraResponse => ({
  status,
  headers: { get: (name) => headers[name.toLowerCase()] ?? null },
  text: () => Promise.resolve(''),
});

/** A policy that records the waits instead of sleeping, with a fixed "random" of 0.5. */
const recordingPolicy = (overrides: Partial<RetryPolicy> = {}) => {
  const waits: number[] = [];
  const policy: RetryPolicy = {
    maxAttempts: 5,
    budgetMs: 60_000,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...overrides,
  };
  return { policy, waits };
};

const sequence = (...outcomes: (number | Error)[]) => {
  let index = 0;
  return () => {
    const outcome = outcomes[Math.min(index, outcomes.length - 1)]!;
    index += 1;
    return outcome instanceof Error
      ? Promise.reject(outcome)
      : Promise.resolve(response(outcome, outcome === 429 ? { 'retry-after': '2' } : {}));
  };
};

describe('sendWithRetries', () => {
  it('waits what Retry-After asks on 429, for safe and once calls alike', async () => {
    for (const repeatability of ['safe', 'once'] as const) {
      const { policy, waits } = recordingPolicy();
      const stats: RetryStats = { attempts: 0, retries: 0, waitedMs: 0 };
      const result = await sendWithRetries('GET /x', repeatability, sequence(429, 429, 200), policy, stats);
      expect(result.status).toBe(200);
      expect(waits).toEqual([2000, 2000]);
      expect(stats).toEqual({ attempts: 3, retries: 2, waitedMs: 4000 });
    }
  });

  it('backs off with full jitter on 5xx for safe calls, doubling up to the cap', async () => {
    const { policy, waits } = recordingPolicy();
    const result = await sendWithRetries('GET /x', 'safe', sequence(500, 503, 502, 500, 204), policy);
    expect(result.status).toBe(204);
    expect(waits).toEqual([50, 100, 200, 400]);
  });

  it('does not repeat a once call that failed with 5xx: it may have been applied', async () => {
    const { policy, waits } = recordingPolicy();
    await expect(
      sendWithRetries('POST /rest/api/3/issue/{key}/comment', 'once', sequence(500, 201), policy),
    ).rejects.toEqual(new JiraHttpError('POST /rest/api/3/issue/{key}/comment', 500));
    expect(waits).toEqual([]);
  });

  it('retries network failures only for safe calls', async () => {
    const { policy } = recordingPolicy();
    await expect(
      sendWithRetries('GET /x', 'safe', sequence(new TypeError('fetch failed'), 200), policy),
    ).resolves.toMatchObject({ status: 200 });
    await expect(
      sendWithRetries('POST /x', 'once', sequence(new TypeError('fetch failed'), 200), policy),
    ).rejects.toThrow('fetch failed');
  });

  it('returns 4xx answers for the caller to map', async () => {
    const { policy, waits } = recordingPolicy();
    await expect(sendWithRetries('GET /x', 'safe', sequence(404), policy)).resolves.toMatchObject({
      status: 404,
    });
    expect(waits).toEqual([]);
  });

  it('gives up after the attempt limit with the last status', async () => {
    const { policy } = recordingPolicy({ maxAttempts: 3 });
    await expect(sendWithRetries('GET /x', 'safe', sequence(503), policy)).rejects.toEqual(
      new JiraUnavailableError('GET /x', 3, 503),
    );
  });

  it('gives up when the next wait would exceed the time budget', async () => {
    const { policy, waits } = recordingPolicy({ budgetMs: 3_000 });
    await expect(sendWithRetries('GET /x', 'safe', sequence(429), policy)).rejects.toEqual(
      new JiraUnavailableError('GET /x', 2, 429),
    );
    expect(waits).toEqual([2000]);
  });

  it('reads an HTTP-date Retry-After and falls back to backoff on a bad one', async () => {
    const { policy, waits } = recordingPolicy();
    let calls = 0;
    const attempt = () => {
      calls += 1;
      if (calls === 1) return Promise.resolve(response(429, { 'retry-after': 'soon' }));
      if (calls === 2)
        return Promise.resolve(response(429, { 'retry-after': new Date(Date.now() - 1000).toUTCString() }));
      return Promise.resolve(response(200));
    };
    await sendWithRetries('GET /x', 'safe', attempt, policy);
    expect(waits).toEqual([50, 0]);
  });
});

describe('sendWithRetries and errors that are not network failures', () => {
  it('throws a programming error at once instead of waiting it out', async () => {
    const { policy, waits } = recordingPolicy();
    await expect(
      sendWithRetries('GET /x', 'safe', sequence(new RangeError('no user context')), policy),
    ).rejects.toThrow('no user context');
    expect(waits).toEqual([]);
  });

  it('retries a timeout', async () => {
    const { policy } = recordingPolicy();
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
    });
    await expect(sendWithRetries('GET /x', 'safe', sequence(timeout, 200), policy)).resolves.toMatchObject({
      status: 200,
    });
  });
});
