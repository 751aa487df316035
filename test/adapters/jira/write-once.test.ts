import {
  JiraHttpError,
  JiraResponseShapeError,
  JiraUnavailableError,
} from '../../../src/adapters/jira/jira-errors';
import type { RetryPolicy } from '../../../src/adapters/jira/send-with-retries';
import {
  emptyWriteOnceStats,
  isAmbiguousFailure,
  writeOnce,
  type Recovery,
} from '../../../src/adapters/jira/write-once';

const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 4,
  budgetMs: 10_000,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  sleep: () => Promise.resolve(),
  random: () => 0.5,
  ...overrides,
});

/** A write that fails with each of `failures` in turn, then answers 'done'; it counts its sends. */
const write = (...failures: Error[]) => {
  const sent = { count: 0 };
  const send = (): Promise<string> => {
    const failure = failures[sent.count];
    sent.count += 1;
    return failure === undefined ? Promise.resolve('done') : Promise.reject(failure);
  };
  return { send, sent };
};

const recovering =
  (...outcomes: Recovery<string>[]) =>
  (): Promise<Recovery<string>> =>
    Promise.resolve(outcomes.shift() ?? { outcome: 'not-applied' });

const serverError = new JiraHttpError('POST /rest/api/3/issue/{issueIdOrKey}/comment', 503);
const lostConnection = new TypeError('fetch failed');

describe('isAmbiguousFailure', () => {
  it.each([
    ['a 5xx answer', new JiraHttpError('POST /x', 500), true],
    ['a 502 from a gateway', new JiraHttpError('POST /x', 502), true],
    ['a dropped connection', lostConnection, true],
    ['a timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), true],
    ['a 400 refusal', new JiraHttpError('POST /x', 400), false],
    ['a 404', new JiraHttpError('POST /x', 404), false],
    ['429 retries run out (Jira did nothing)', new JiraUnavailableError('POST /x', 6, 429), false],
    [
      'an unreadable 2xx body (Jira did it)',
      new JiraResponseShapeError('POST /x', ['id: invalid_type']),
      false,
    ],
  ])('%s → %s', (_case, error, expected) => {
    expect(isAmbiguousFailure(error)).toBe(expected);
  });
});

describe('writeOnce', () => {
  it('returns what the recovery found when the write turns out to be applied, without sending again', async () => {
    const { send, sent } = write(serverError);
    const stats = emptyWriteOnceStats();

    await expect(
      writeOnce(send, recovering({ outcome: 'applied', value: 'found' }), policy(), stats),
    ).resolves.toBe('found');
    expect(sent.count).toBe(1);
    expect(stats).toEqual({ ambiguousFailures: 1, foundApplied: 1, resent: 0 });
  });

  it('sends again when the recovery finds the write absent', async () => {
    const { send, sent } = write(lostConnection, serverError);
    const stats = emptyWriteOnceStats();

    await expect(writeOnce(send, recovering(), policy(), stats)).resolves.toBe('done');
    expect(sent.count).toBe(3);
    expect(stats).toEqual({ ambiguousFailures: 2, foundApplied: 0, resent: 2 });
  });

  it('keeps the original failure when the recovery cannot tell', async () => {
    const { send, sent } = write(serverError);

    await expect(writeOnce(send, recovering({ outcome: 'unknown' }), policy())).rejects.toBe(serverError);
    expect(sent.count).toBe(1);
  });

  it('does not look after a refusal: Jira said no', async () => {
    const refusal = new JiraHttpError('POST /x', 400, ['Transition id 9 is not valid for this issue.']);
    const { send } = write(refusal);
    let looked = false;

    await expect(
      writeOnce(
        send,
        () => {
          looked = true;
          return Promise.resolve({ outcome: 'not-applied' });
        },
        policy(),
      ),
    ).rejects.toBe(refusal);
    expect(looked).toBe(false);
  });

  it('gives up after the attempt limit with the last failure', async () => {
    const { send, sent } = write(serverError, serverError, serverError, serverError, serverError);

    await expect(writeOnce(send, recovering(), policy({ maxAttempts: 3 }))).rejects.toBe(serverError);
    expect(sent.count).toBe(3);
  });

  it('gives up when the next wait would leave the time budget', async () => {
    const waits: number[] = [];
    const { send, sent } = write(serverError, serverError, serverError);

    await expect(
      writeOnce(
        send,
        recovering(),
        policy({
          budgetMs: 120,
          sleep: (ms) => {
            waits.push(ms);
            return Promise.resolve();
          },
        }),
      ),
    ).rejects.toBe(serverError);
    // Waits of 50 then 100 ms (half of 100 × 2^(n−1)): the second would pass 120 ms.
    expect(waits).toEqual([50]);
    expect(sent.count).toBe(2);
  });
});
