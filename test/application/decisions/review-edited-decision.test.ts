/**
 * The use case behind the avi:jira:updated:issue trigger, over in-memory fakes: what it does for each kind of
 * delivery (an edit, the same edit twice at once, an approval's own event, a decision not recorded yet, another
 * issue) is read from the resulting issue, comments, transitions and store.
 */
import { reviewEditedDecision } from '../../../src/application/decisions/review-edited-decision';
import { toExceptionRecord } from '../../../src/application/issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../../../src/application/lifecycle-property';
import { decidedOn } from '../../../src/domain/decision-snapshot';
import type { HistoryEntry } from '../../../src/domain/register-schema';
import {
  APP_ACCOUNT,
  exceptionFields,
  fakeSite,
  SITE_CONFIG,
  type ExceptionValues,
  type FakeSite,
} from '../transitions/exception-site';

const S = SITE_CONFIG.statuses;
const SUBMITTED: HistoryEntry = { at: '2026-11-20T10:00:00Z', action: 'submitted', by: 'ana' };

/** An approval entry recorded on the values given, as the post function writes it. */
const approvalOf = async (values: ExceptionValues, action: HistoryEntry['action'] = 'approved') => {
  const site = await fakeSite();
  site.issues.put({ id: '1', key: 'SEC-1', fields: exceptionFields(values) });
  const mapped = toExceptionRecord(
    await site.issues.getIssue('SEC-1', { fields: Object.keys(exceptionFields(values)), properties: [] }),
    SITE_CONFIG,
  );
  if (!mapped.ok) throw new Error(mapped.problems.join(' '));
  return {
    at: '2026-11-21T09:00:00Z',
    action,
    by: 'cy',
    periodStart: '2026-11-21',
    periodEnd: '2027-02-01',
    policyVersion: 1,
    decidedOn: decidedOn(mapped.record),
  } satisfies HistoryEntry;
};

const APPROVED: ExceptionValues = { status: 'Approved' };

const putIssue = (site: FakeSite, values: ExceptionValues, history: readonly HistoryEntry[]): void => {
  site.issues.put({
    id: '10012',
    key: 'SEC-12',
    fields: exceptionFields(values),
    properties: {
      [LIFECYCLE_PROPERTY_KEY]: { version: 1, history, nextActionAt: null, policyVersion: 1 },
    },
  });
};

const request = (overrides: Partial<Parameters<typeof reviewEditedDecision>[0]> = {}) => ({
  issueKey: 'SEC-12',
  issueTypeId: SITE_CONFIG.issueTypeId,
  projectId: '10000',
  statusChangedTo: [],
  ...overrides,
});

const commentTexts = (site: FakeSite): string[] =>
  site.issues.commentsOn('SEC-12').map((comment) => JSON.stringify(comment.body));

describe('reviewEditedDecision', () => {
  it('moves an approved exception whose expiry and assets were edited to Recertification, with one comment', async () => {
    const site = await fakeSite();
    putIssue(
      site,
      { ...APPROVED, expirationDate: '2027-06-30', affectedAssets: ['sftp-prod-01', 'fw-edge-02'] },
      [SUBMITTED, await approvalOf(APPROVED)],
    );

    expect(await reviewEditedDecision(request(), site.deps())).toEqual({
      outcome: 'sent-to-review',
      changed: ['expirationDate', 'affectedAssets'],
      movedToRecertification: true,
    });
    expect(site.issues.statusOf('SEC-12')).toEqual({ id: S.Recertification, name: 'Recertification' });
    const mention = (id: string, name: string) => ({
      type: 'mention',
      attrs: { accessLevel: '', id, text: `@${name}` },
    });
    const item = (label: string) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: label }] }],
    });
    // Field names, never values; the owner the decision named and the requester are mentioned.
    expect(site.issues.commentsOn('SEC-12')).toEqual([
      {
        authorAccountId: APP_ACCOUNT,
        body: {
          type: 'doc',
          version: 1,
          content: [
            {
              type: 'paragraph',
              content: [
                mention('bo', 'Bo Owner'),
                { type: 'text', text: ' ' },
                mention('ana', 'Ana Requester'),
                {
                  type: 'text',
                  text: ' this exception was edited outside a transition after the decision of 2026-11-21. A decision covers only what was decided, and these fields no longer match it:',
                },
              ],
            },
            { type: 'bulletList', content: [item('Expiration Date'), item('Affected Assets')] },
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'The app has moved it to Recertification. Until someone recertifies it, the values of that decision still govern its expiry, the KPIs and the export.',
                },
              ],
            },
          ],
        },
      },
    ]);
  });

  it('handles two deliveries of the same edit at once exactly once', async () => {
    const site = await fakeSite();
    putIssue(site, { ...APPROVED, compensatingControls: 'None.' }, [SUBMITTED, await approvalOf(APPROVED)]);

    const outcomes = await Promise.all([
      reviewEditedDecision(request(), site.deps()),
      reviewEditedDecision(request(), site.deps()),
    ]);

    expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['sent-to-review', 'skipped']);
    expect(outcomes).toContainEqual({ outcome: 'skipped', reason: 'handled-elsewhere' });
    expect(site.issues.transitionsMade).toHaveLength(1);
    expect(site.issues.commentsOn('SEC-12')).toHaveLength(1);
    // Later: the exception is in Recertification and the comment for this edit exists.
    site.clock.set('2026-11-21T10:00:00Z');
    expect(await reviewEditedDecision(request(), site.deps())).toMatchObject({
      outcome: 'sent-to-review',
      movedToRecertification: false,
    });
    expect(site.issues.transitionsMade).toHaveLength(1);
    expect(site.issues.commentsOn('SEC-12')).toHaveLength(1);
  });

  it('comments without a transition on an exception already in Recertification', async () => {
    const site = await fakeSite();
    const started: HistoryEntry = { at: '2026-12-01T00:00:00Z', action: 'recertification-started', by: null };
    putIssue(site, { status: 'Recertification', riskRating: 'High' }, [
      SUBMITTED,
      await approvalOf(APPROVED),
      started,
    ]);

    expect(await reviewEditedDecision(request(), site.deps())).toEqual({
      outcome: 'sent-to-review',
      changed: ['riskRating'],
      movedToRecertification: false,
    });
    expect(site.issues.transitionsMade).toEqual([]);
    expect(commentTexts(site)[0]).toContain('It stays in Recertification.');
  });

  it.each([
    [
      'the event is the transition to Approved',
      request({ statusChangedTo: [{ id: S.Approved }] }),
      'decided-by-this-transition',
    ],
    [
      'the event names the status by name only',
      request({ statusChangedTo: [{ name: 'Approved' }] }),
      'decided-by-this-transition',
    ],
    ['the event is about another issue type', request({ issueTypeId: '10200' }), 'not-an-exception'],
  ])('does nothing when %s', async (_case, edited, reason) => {
    const site = await fakeSite();
    putIssue(site, { ...APPROVED, expirationDate: '2027-06-30' }, [SUBMITTED, await approvalOf(APPROVED)]);
    expect(await reviewEditedDecision(edited, site.deps())).toEqual({ outcome: 'skipped', reason });
    expect(site.issues.statusOf('SEC-12')).toEqual({ id: S.Approved, name: 'Approved' });
    expect(site.issues.commentsOn('SEC-12')).toEqual([]);
  });

  it('waits for a recertification still being recorded: Jira shows Approved, the history says Recertification', async () => {
    const site = await fakeSite();
    const started: HistoryEntry = { at: '2026-12-01T00:00:00Z', action: 'recertification-started', by: null };
    putIssue(site, { ...APPROVED, expirationDate: '2027-03-01' }, [
      SUBMITTED,
      await approvalOf(APPROVED),
      started,
    ]);
    expect(await reviewEditedDecision(request({ statusChangedTo: [] }), site.deps())).toEqual({
      outcome: 'skipped',
      reason: 'decision-being-recorded',
    });
    expect(site.issues.commentsOn('SEC-12')).toEqual([]);
  });

  it.each([
    ['nothing that counts changed', APPROVED, 'unchanged'],
    ['it is not in force', { status: 'Risk Review' as const, expirationDate: '2027-06-30' }, 'not-in-force'],
  ])('does nothing when %s', async (_case, values, reason) => {
    const site = await fakeSite();
    putIssue(site, { summary: 'Renamed', ...values }, [SUBMITTED, await approvalOf(APPROVED)]);
    expect(await reviewEditedDecision(request(), site.deps())).toEqual({ outcome: 'skipped', reason });
    expect(site.issues.commentsOn('SEC-12')).toEqual([]);
  });

  it('does nothing for a decision recorded before decisions kept what they covered', async () => {
    const site = await fakeSite();
    const legacy: HistoryEntry = { ...(await approvalOf(APPROVED)) };
    delete legacy.decidedOn;
    putIssue(site, { ...APPROVED, expirationDate: '2027-06-30' }, [SUBMITTED, legacy]);
    expect(await reviewEditedDecision(request(), site.deps())).toEqual({
      outcome: 'skipped',
      reason: 'no-recorded-decision',
    });
  });

  it('releases its claim when Jira fails, so a redelivery finishes the job', async () => {
    const site = await fakeSite();
    putIssue(site, { ...APPROVED, expirationDate: '2027-06-30' }, [SUBMITTED, await approvalOf(APPROVED)]);
    const failing = site.deps();
    const jira = { ...failing.jiraAsApp, transitionIssue: () => Promise.reject(new Error('503 from Jira')) };
    await expect(reviewEditedDecision(request(), { ...failing, jiraAsApp: jira })).rejects.toThrow(
      '503 from Jira',
    );
    expect(site.store.keys().filter((key) => key.startsWith('decision-edit:'))).toEqual([]);

    expect(await reviewEditedDecision(request(), site.deps())).toMatchObject({ outcome: 'sent-to-review' });
    expect(site.issues.statusOf('SEC-12')).toEqual({ id: S.Recertification, name: 'Recertification' });
    expect(site.issues.commentsOn('SEC-12')).toHaveLength(1);
  });

  it('reads a cleared Exception Type as a change of type', async () => {
    const site = await fakeSite();
    putIssue(site, { ...APPROVED, type: null }, [SUBMITTED, await approvalOf(APPROVED)]);
    expect(await reviewEditedDecision(request(), site.deps())).toMatchObject({ changed: ['type'] });
  });
});
