import { runStep, STEP_ATTEMPTS } from '../../../src/application/setup/run-step';
import { SetupBlockedError, SetupIncompleteError } from '../../../src/application/setup/setup-errors';
import { SetupReportBuilder } from '../../../src/application/setup/setup-report';

test('a step Jira fails is tried again, and told which attempt it is on', async () => {
  const attempts: number[] = [];
  const result = await runStep(new SetupReportBuilder(), 'statuses', (attempt) => {
    attempts.push(attempt);
    return attempt < 3 ? Promise.reject(new Error('Jira answered 500')) : Promise.resolve('done');
  });
  expect(result).toBe('done');
  expect(attempts).toEqual([1, 2, 3]);
});

test('a refusal is not retried', async () => {
  let calls = 0;
  const refusal = new SetupBlockedError(['Project NOPE does not exist, or the app cannot see it.']);
  await expect(
    runStep(new SetupReportBuilder(), 'checking the site', () => {
      calls += 1;
      return Promise.reject(refusal);
    }),
  ).rejects.toBe(refusal);
  expect(calls).toBe(1);
});

test('a step that keeps failing stops the run with what it did so far and the last failure', async () => {
  const report = new SetupReportBuilder();
  report.created('issue-type', 'issue type "Exception" (10001)');
  let calls = 0;
  const last = new Error('Jira answered 503 to POST /rest/api/3/statuses');
  const error: unknown = await runStep(report, 'statuses', () => {
    calls += 1;
    return Promise.reject(calls === STEP_ATTEMPTS ? last : new Error('earlier'));
  }).catch((rejection: unknown) => rejection);
  expect(calls).toBe(4);
  expect(error).toBeInstanceOf(SetupIncompleteError);
  const incomplete = error as SetupIncompleteError;
  expect(incomplete.step).toBe('statuses');
  expect(incomplete.cause).toBe(last);
  expect(incomplete.report).toEqual({
    created: ['issue type "Exception" (10001)'],
    adopted: [],
    skipped: [],
  });
  expect(incomplete.message).toBe(
    'Setup stopped at statuses: Jira answered 503 to POST /rest/api/3/statuses. Run setup again to finish; nothing it did is repeated.',
  );
});
