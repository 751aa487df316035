import { LIFECYCLE_PROPERTY_KEY, type LifecycleProperty } from '../../../src/application/lifecycle-property';
import {
  lifecycleRevisionKey,
  storedLifecycleRevision,
} from '../../../src/application/lifecycle/update-lifecycle';
import {
  recordTransition,
  type RecordTransitionRequest,
} from '../../../src/application/transitions/record-transition';
import { justificationDigest } from '../../../src/domain/justification-digest';
import type { Status } from '../../../src/domain/vocabulary';
import {
  APP_ACCOUNT,
  DEFAULT_VALUES,
  exceptionFields,
  fakeSite,
  NOW,
  SITE_CONFIG,
  type ExceptionValues,
  type FakeSite,
} from './exception-site';

const S = SITE_CONFIG.statuses;
const SUBMITTED = { at: '2026-11-20T10:00:00Z', action: 'submitted', by: 'ana' } as const;
const TRIAGED = { at: '2026-11-20T10:00:05Z', action: 'triaged', by: null, actionKey: 'exec-0' } as const;
const DIGEST = justificationDigest(DEFAULT_VALUES.justification ?? '');
const ALL_CHECKS = ['Controls still effective', 'Justification still valid', 'No better option available'];

const putIssue = (
  site: FakeSite,
  values: ExceptionValues,
  history: readonly unknown[] = [SUBMITTED, TRIAGED],
): void => {
  site.issues.put({
    id: '10012',
    key: 'SEC-12',
    fields: exceptionFields(values),
    properties: {
      [LIFECYCLE_PROPERTY_KEY]: { version: 1, history, nextActionAt: null, policyVersion: null },
    },
  });
};

const request = (
  from: Status | undefined,
  to: Status,
  overrides: Partial<RecordTransitionRequest> = {},
): RecordTransitionRequest => ({
  issueKey: 'SEC-12',
  transition: {
    ...(from === undefined ? {} : { from: { id: S[from], name: from } }),
    to: { id: S[to], name: to },
  },
  executionId: 'exec-1',
  actorAccountId: 'cy',
  configuration: {},
  retryCount: 0,
  ...overrides,
});

const lifecycle = (site: FakeSite) =>
  site.issues.property('SEC-12', LIFECYCLE_PROPERTY_KEY) as LifecycleProperty;

describe('recordTransition', () => {
  it('records an approval: actor, period from today through the expiry, policy version, justification digest', async () => {
    const site = await fakeSite();
    putIssue(site, { status: 'Approved' });
    expect(await recordTransition(request('Risk Review', 'Approved'), site.deps())).toEqual({
      recorded: true,
      action: 'approved',
      actionKey: 'exec-1',
    });
    expect(lifecycle(site)).toEqual({
      version: 1,
      history: [
        SUBMITTED,
        TRIAGED,
        {
          at: NOW,
          action: 'approved',
          by: 'cy',
          periodStart: '2026-11-21',
          periodEnd: '2027-02-01',
          policyVersion: 1,
          justificationDigest: DIGEST,
          decidedOn: expect.objectContaining({
            type: 'Firewall rule',
            expirationDate: '2027-02-01',
          }) as unknown,
          actionKey: 'exec-1',
        },
      ],
      // 2026-11-21 → 2027-02-01 is 73 days; the 75 % reminder falls on day ⌊0.75 × 73⌋ = 54: 2027-01-14.
      nextActionAt: '2027-01-14T00:00:00Z',
      policyVersion: 1,
      // The lifecycle put there by the fake had none: this write is the app's first counted one.
      revision: 1,
    });
  });

  it('counts its writes: the next revision after both the one read and the one its store keeps, kept after the write', async () => {
    const site = await fakeSite();
    putIssue(site, { status: 'Approved' });
    // A lifecycle reset by hand (no revision) on an issue the app wrote 4 times: the count goes on from 4.
    await site.store.set(lifecycleRevisionKey('SEC-12'), 4);

    await recordTransition(request('Risk Review', 'Approved'), site.deps());

    expect(lifecycle(site).revision).toBe(5);
    expect(await storedLifecycleRevision(site.store, 'SEC-12')).toBe(5);
  });

  it('records a retried post function (same executionId) once', async () => {
    const site = await fakeSite();
    putIssue(site, { status: 'Approved' });
    await recordTransition(request('Risk Review', 'Approved'), site.deps());
    site.clock.set('2026-11-21T09:05:00Z');
    expect(await recordTransition(request('Risk Review', 'Approved'), site.deps())).toEqual({
      recorded: false,
      reason: 'already-recorded',
    });
    expect(lifecycle(site).history.map((entry) => entry.action)).toEqual([
      'submitted',
      'triaged',
      'approved',
    ]);
    expect(site.issues.propertyWrites).toHaveLength(1);
  });

  it("records the app's own transition (auto-approve) as made by nobody in person", async () => {
    const site = await fakeSite();
    putIssue(site, { status: 'Approved', type: 'Endpoint control gap', riskRating: null }, [SUBMITTED]);
    await recordTransition(request('Submitted', 'Approved', { actorAccountId: APP_ACCOUNT }), site.deps());
    expect(lifecycle(site).history.at(-1)).toEqual({
      at: NOW,
      action: 'auto-approved',
      by: null,
      periodStart: '2026-11-21',
      periodEnd: '2027-02-01',
      policyVersion: 1,
      justificationDigest: DIGEST,
      decidedOn: expect.objectContaining({ type: 'Endpoint control gap', riskRating: null }) as unknown,
      actionKey: 'exec-1',
    });
  });

  it('records the checklist answers of a recertification', async () => {
    const site = await fakeSite();
    putIssue(site, { status: 'Approved', checklist: ALL_CHECKS });
    await recordTransition(request('Recertification', 'Approved', { actorAccountId: 'bo' }), site.deps());
    expect(lifecycle(site).history.at(-1)).toMatchObject({
      action: 'recertified',
      by: 'bo',
      checklist: {
        'Controls still effective': true,
        'Justification still valid': true,
        'No better option available': true,
      },
    });
  });

  it.each<[Status, Status, string]>([
    ['Risk Review', 'Rejected', 'rejected'],
    ['Approved', 'Reverted', 'reverted'],
  ])('records the comment of %s → %s as the note', async (from, to, action) => {
    const site = await fakeSite();
    putIssue(site, { status: to });
    const commentId = site.issues.addCommentBy('SEC-12', 'cy', {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Re-enable the rule set; use the HTTPS API.' }],
        },
      ],
    });
    await recordTransition(request(from, to, { commentId }), site.deps());
    expect(lifecycle(site).history.at(-1)).toEqual({
      at: NOW,
      action,
      by: 'cy',
      note: 'Re-enable the rule set; use the HTTPS API.',
      commentId,
      actionKey: 'exec-1',
    });
    // Closed: nothing is left for the sweep to do.
    expect(lifecycle(site).nextActionAt).toBeNull();
  });

  it('plans the decision SLA of an exception sent back for information, even without a type', async () => {
    const site = await fakeSite();
    putIssue(site, { status: 'Submitted', type: null });
    await recordTransition(request('Risk Review', 'Submitted'), site.deps());
    expect(lifecycle(site)).toMatchObject({
      history: [SUBMITTED, TRIAGED, { at: NOW, action: 'info-requested', by: 'cy', actionKey: 'exec-1' }],
      // Standard: 120 h from creation at 2026-11-20T10:00:00Z.
      nextActionAt: '2026-11-25T10:00:00Z',
    });
  });

  it("reads the transition from the rule's configuration first, as an object or as JSON text", async () => {
    for (const configuration of [{ transition: 'retire' }, '{"transition":"retire"}']) {
      const site = await fakeSite();
      putIssue(site, { status: 'Retired' });
      // The statuses reported say nothing the workflow knows: the configuration alone decides.
      const outcome = await recordTransition(
        request('Approved', 'Retired', {
          transition: { from: { id: '900' }, to: { id: '901' } },
          configuration,
        }),
        site.deps(),
      );
      expect(outcome).toEqual({ recorded: true, action: 'retired', actionKey: 'exec-1' });
    }
  });

  it('records a configured transition that arrives without `from` (no longer taken for Create)', async () => {
    const site = await fakeSite();
    putIssue(site, { status: 'Approved' });
    const outcome = await recordTransition(
      request(undefined, 'Approved', { configuration: { transition: 'approve' } }),
      site.deps(),
    );
    expect(outcome).toEqual({ recorded: true, action: 'approved', actionKey: 'exec-1' });
  });

  it.each<[string, Partial<RecordTransitionRequest>, boolean, string]>([
    [
      'the create transition (into Submitted from nowhere the lifecycle records; triage records submitted)',
      { transition: { to: { id: S.Submitted } } },
      true,
      'create-transition',
    ],
    [
      'a transition outside the workflow',
      { transition: { from: { id: '900' }, to: { id: '901' } } },
      true,
      'not-an-exception-transition',
    ],
    ['a site that is not set up', {}, false, 'not-set-up'],
  ])('records nothing for %s', async (_case, overrides, setUp, reason) => {
    const site = await fakeSite({ setUp });
    putIssue(site, { status: 'Submitted' }, [SUBMITTED]);
    expect(await recordTransition(request('Risk Review', 'Approved', overrides), site.deps())).toEqual({
      recorded: false,
      reason,
    });
    expect(site.issues.propertyWrites).toEqual([]);
  });
});
