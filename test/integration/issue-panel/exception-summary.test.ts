/**
 * The issue panel's getExceptionSummary through the simulator with the REAL resolver: where an exception stands for
 * the person viewing it, and for each transition they could try next the very messages the validator refuses it
 * with (compared with a real refused transition, not with a copy of the texts). Read as the viewer: someone who
 * may not browse the issue learns nothing about it.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { GetExceptionSummaryResponseSchema } from '../../../src/contracts/issue-panel';
import { ISSUE_NOT_FOUND } from '../../../src/application/issue-panel/get-exception-summary';
import { SITE_USERS } from '../../support/simulated-site';
import { invokeIssuePanelResolver as invoke } from '../transitions/exception-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';

jest.setTimeout(60_000);

const site = exceptionSitePerTest();
const { requester, riskOwner, securityReviewer, ciso, outsider } = SITE_USERS;

const summaryFor = async (issueKey: string, accountId: string) =>
  GetExceptionSummaryResponseSchema.parse(await invoke('getExceptionSummary', { issueKey }, accountId));

const blockersOf = (answer: Awaited<ReturnType<typeof summaryFor>>, name: string): string[] | undefined =>
  answer.ok && answer.summary.kind === 'exception'
    ? answer.summary.transitions.find((transition) => transition.name === name)?.blockers
    : undefined;

describe('getExceptionSummary through the simulator', () => {
  it('shows an auto-approved exception: tier, period, days left, the next reminder, no checklist yet', async () => {
    const key = await site().raise(EDR_GAP);

    const answer = await summaryFor(key, requester);

    expect(answer).toEqual({
      ok: true,
      summary: {
        kind: 'exception',
        key,
        status: 'Approved',
        tier: 'Low',
        route: 'auto-approve',
        approverGroups: ['security-reviewers'],
        riskOwner: { accountId: riskOwner, displayName: expect.any(String) as string, active: true },
        // 2026-11-21 → 2027-01-31: 72 days, all of them left on the first day.
        period: { start: '2026-11-21', end: '2027-01-31', lengthDays: 72, daysLeft: 72 },
        // ⌊0.75 × 72⌋ = 54 days after the start.
        nextAction: {
          action: 'remind-75',
          dueAt: '2027-01-14T00:00:00Z',
          reason: expect.any(String) as string,
        },
        checklist: null,
        transitions: [
          {
            name: 'start-recertification',
            label: 'Start recertification',
            blockers: expect.any(Array) as string[],
          },
          { name: 'revert', label: 'Revert', blockers: expect.any(Array) as string[] },
          { name: 'retire', label: 'Retire', blockers: expect.any(Array) as string[] },
        ],
      },
    });
  });

  it('lists only the transitions Jira offers the viewer: not Approve to the requester', async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    const answer = await summaryFor(key, requester);

    const names =
      answer.ok && answer.summary.kind === 'exception' ? answer.summary.transitions.map((t) => t.label) : [];
    expect(names).toEqual(await site().offered(key, requester));
    expect(names).not.toContain('Approve');
  });

  it.each([
    ['a security reviewer below the tier', securityReviewer],
    ['the CISO', ciso],
  ])('tells %s what would refuse Approve, in the validator’s own words', async (_who, accountId) => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    expect(site().statusOf(key)).toBe('Risk Review');

    const panel = blockersOf(await summaryFor(key, accountId), 'approve');
    const refused = await site().refusal(key, 'Approve', accountId);

    expect(panel).toEqual(refused.join('\n').split('\n'));
    expect(panel?.length).toBeGreaterThan(0);
  });

  it('says a reason is needed to reject, as the validator does when none is typed', async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });

    const panel = blockersOf(await summaryFor(key, securityReviewer), 'reject');
    const refused = await site().refusal(key, 'Reject', securityReviewer);

    expect(panel).toEqual(refused.join('\n').split('\n'));
  });

  it('answers a person who may not browse the issue exactly as for an issue that does not exist', async () => {
    const key = await site().raise(EDR_GAP);
    const refusal = { ok: false, error: { code: 'invalid-request', message: ISSUE_NOT_FOUND } };

    expect(await invoke('getExceptionSummary', { issueKey: key }, outsider)).toEqual(refusal);
    expect(await invoke('getExceptionSummary', { issueKey: 'SEC-999' }, requester)).toEqual(refusal);
  });

  it('refuses a payload that names no issue, without echoing it', async () => {
    const answer = await invoke('getExceptionSummary', { issueKey: '"; DROP' }, requester);

    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(answer)).not.toContain('DROP');
  });
});

describe('findings in the issue panel', () => {
  const LODASH = 'CVE-2024-1234 pkg:npm/lodash@4.17.20';
  const findingsOf = async (key: string) => {
    const answer = await summaryFor(key, requester);
    if (!answer.ok || answer.summary.kind !== 'exception') throw new Error('expected an exception summary');
    return { findings: answer.summary.findings, suppression: answer.summary.suppression };
  };

  it('shows the findings and what the scanners suppress for them, until when; an added one waits for a decision', async () => {
    const key = await site().raise({ ...EDR_GAP, findings: [LODASH] });
    expect(await findingsOf(key)).toEqual({
      findings: [LODASH],
      suppression: { findings: [LODASH], until: '2027-02-01' },
    });
    await site().edit(key, requester, { findings: [LODASH, 'CVE-2099-0001'] });
    const edited = await findingsOf(key);
    expect(edited.findings).toEqual([LODASH, 'CVE-2099-0001']);
    expect(edited.suppression?.findings ?? []).not.toContain('CVE-2099-0001');
  });

  it('shows no suppression for an exception not yet decided', async () => {
    const key = await site().raise({ ...EDR_GAP, riskOwner: requester, findings: [LODASH] });
    expect(await findingsOf(key)).toEqual({ findings: [LODASH], suppression: null });
  });
});
