/**
 * ISSUE 6 A1: the post-function event in every reported shape (FORGE_NOTES §16), read by the real event reader
 * and recorded by the real use case over fakes, with the idempotency key each shape yields.
 */
import { LIFECYCLE_PROPERTY_KEY, type LifecycleProperty } from '../../../src/application/lifecycle-property';
import { readPostFunctionEvent } from '../../../src/application/transitions/post-function-event';
import { recordTransition } from '../../../src/application/transitions/record-transition';
import { exceptionFields, fakeSite, SITE_CONFIG, type FakeSite } from './exception-site';

const S = SITE_CONFIG.statuses;
const SUBMITTED = { at: '2026-11-20T10:00:00Z', action: 'submitted', by: 'ana' } as const;
const TRIAGED = { at: '2026-11-20T10:00:05Z', action: 'triaged', by: null, actionKey: 'exec-0' } as const;

const setUp = async (): Promise<FakeSite> => {
  const site = await fakeSite();
  site.issues.put({
    id: '10012',
    key: 'SEC-12',
    fields: exceptionFields({ status: 'Approved' }),
    properties: {
      [LIFECYCLE_PROPERTY_KEY]: {
        version: 1,
        history: [SUBMITTED, TRIAGED],
        nextActionAt: null,
        policyVersion: 1,
      },
    },
  });
  return site;
};

const deliver = async (site: FakeSite, event: unknown) => {
  const read = readPostFunctionEvent(event);
  if (!read.ok) throw new Error(read.problems.join('; '));
  return recordTransition(read.facts, site.deps());
};

const approvals = (site: FakeSite) =>
  (site.issues.property('SEC-12', LIFECYCLE_PROPERTY_KEY) as LifecycleProperty).history.filter(
    (entry) => entry.action === 'approved',
  );

const base = { issue: { key: 'SEC-12' }, atlassianId: 'cy' };

describe('post-function event shapes: each is recorded as the approval it is, once', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'documented: from/to objects with id and name, executionId',
      {
        transition: {
          from: { id: S['Risk Review'], name: 'Risk Review' },
          to: { id: S.Approved, name: 'Approved' },
          executionId: 'e-1',
        },
      },
      'e-1',
    ],
    [
      'ids as numbers',
      {
        transition: {
          from: { id: Number(S['Risk Review']) },
          to: { id: Number(S.Approved) },
          executionId: 'e-1',
        },
      },
      'e-1',
    ],
    [
      'flat from_status / to_status names and transitionName, changelog id, no executionId',
      {
        transition: { from_status: 'Risk Review', to_status: 'Approved', transitionName: 'Approve' },
        changelog: { id: '30001', items: [] },
      },
      'changelog:30001',
    ],
    [
      'flat members beside `transition`, numeric ids',
      { from_status: Number(S['Risk Review']), to_status: Number(S.Approved), changelog: { id: 30002 } },
      'changelog:30002',
    ],
    [
      'only the transition name',
      { transition: { name: 'Approve' }, changelog: { id: '30003' } },
      'changelog:30003',
    ],
    [
      'no from: the status entered and the lifecycle (last recorded in Risk Review)',
      { transition: { to: { id: S.Approved } }, executionId: 'e-2' },
      'e-2',
    ],
    [
      'statuses only in the changelog items',
      {
        transition: {},
        changelog: {
          id: '30004',
          items: [{ field: 'status', fieldId: 'status', from: S['Risk Review'], to: S.Approved }],
        },
      },
      'changelog:30004',
    ],
    [
      'the configuration as JSON text, nothing else about the transition',
      { configuration: '{"transition":"approve"}', transition: null },
      'hash',
    ],
  ])('%s', async (_shape, members, expectedKey) => {
    const site = await setUp();
    const event = { ...base, ...members };
    const first = await deliver(site, event);
    expect(first).toMatchObject({ recorded: true, action: 'approved' });
    if (expectedKey === 'hash')
      expect(first).toMatchObject({
        actionKey: expect.stringMatching(/^transition:[0-9a-f]{32}$/) as string,
      });
    else expect(first).toMatchObject({ actionKey: expectedKey });
    // Delivered again (a platform retry, or the simulator's duplicate delivery): nothing more.
    expect(await deliver(site, event)).toEqual({ recorded: false, reason: 'already-recorded' });
    expect(approvals(site)).toHaveLength(1);
    expect(approvals(site)[0]).toMatchObject({ by: 'cy', periodStart: '2026-11-21' });
  });

  it('a hash key does not swallow the same transition made again after another one', async () => {
    const site = await setUp();
    const approve = { ...base, configuration: { transition: 'approve' } };
    const first = await deliver(site, approve);
    await deliver(site, { ...base, configuration: { transition: 'start-recertification' } });
    const again = await deliver(site, approve);
    expect(again).toEqual(first);
    expect(approvals(site)).toHaveLength(2);
  });

  it('one executionId reused by different transitions (REST-fired) still records each', async () => {
    const site = await setUp();
    await deliver(site, { ...base, executionId: 'same', configuration: { transition: 'approve' } });
    const second = await deliver(site, {
      ...base,
      executionId: 'same',
      configuration: { transition: 'start-recertification' },
    });
    expect(second).toEqual({ recorded: true, action: 'recertification-started', actionKey: 'same' });
  });
});

describe('readPostFunctionEvent', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 'SEC-12', '(event): Invalid input: expected object, received string'],
    ['no issue', { transition: {} }, 'issue: Invalid input: expected object, received undefined'],
    [
      'an issue without key or id',
      { issue: { key: '' } },
      'issue: names no issue (neither issue.key nor issue.id)',
    ],
  ])('refuses %s, naming the member and never the value', (_case, event, problem) => {
    expect(readPostFunctionEvent(event)).toEqual({ ok: false, problems: [problem] });
  });

  it('takes the actor from atlassianId, else from the invocation principal; the retry count from retryContext', () => {
    const read = readPostFunctionEvent({ issue: { id: 10012 }, retryContext: { retryCount: 2 } }, 'dee');
    expect(read).toEqual({
      ok: true,
      facts: {
        issueKey: '10012',
        transition: {},
        actorAccountId: 'dee',
        configuration: undefined,
        retryCount: 2,
      },
    });
  });
});
