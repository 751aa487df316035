/**
 * The "done when" scenarios of the Jira-for-real issue, run by the plain suite and again under injected faults.
 * Each asserts the resulting state exactly: status, lifecycle property, changelog and comments, so a duplicated or
 * lost write under faults fails it as surely as a wrong decision.
 */
import { justificationDigest } from '../../../src/domain/justification-digest';
import * as handlers from '../../../src/index';
import { SITE_USERS } from '../../support/simulated-site';
import type { ExceptionSite } from './exception-harness';
import { START, testClock } from './test-clock';

const { requester, riskOwner, securityReviewer, ciso } = SITE_USERS;

/** A Low-risk endpoint exception with compensating controls: the app auto-approves it. */
export const EDR_GAP = {
  type: 'Endpoint control gap',
  justification:
    'The EDR agent crashes the CAD workstation build; the vendor patch is due in January and 12 engineers are blocked.',
  riskOwner,
  compensatingControls: 'Workstation isolated on the lab VLAN; weekly offline anti-malware scan.',
  expirationDate: '2027-01-31',
  affectedAssets: ['cad-ws-07'],
};

const SUBMITTED = { at: START, action: 'submitted', by: requester };

const C_LEVEL_NEEDED =
  'Approving a High risk exception needs a member of c-level. Ask one of them to make this transition.';
const CONTROLS_NEEDED =
  'Compensating Controls is required for High risk: describe what limits the exposure (for example IP allow-listing and daily log review).';
const EXPIRY_TOO_FAR =
  'Expiration Date 2027-04-30 is more than 90 days after today (2026-11-21): the longest this High risk exception may run is until 2027-02-19.';
const EVIDENCE_NEEDED =
  "Evidence is required for High risk: attach at least one file to the issue (for example a scan report, a configuration screenshot or the vendor's statement).";
const SEGREGATION =
  'Segregation of duties: the requester cannot approve their own exception. Ask another approver.';

/** A Low-risk request with controls is auto-approved by the app; the history and nextActionAt are right. */
export const lowRiskIsAutoApproved = async (site: ExceptionSite): Promise<void> => {
  const key = await site.raise(EDR_GAP);

  expect(site.statusOf(key)).toBe('Approved');
  expect(await site.lifecycle(key)).toEqual({
    version: 1,
    history: [
      SUBMITTED,
      {
        at: START,
        action: 'auto-approved',
        by: null,
        periodStart: '2026-11-21',
        periodEnd: '2027-01-31',
        policyVersion: 1,
        justificationDigest: justificationDigest(EDR_GAP.justification),
        decidedOn: expect.objectContaining({ expirationDate: '2027-01-31', riskRating: null }) as unknown,
        actionKey: expect.any(String) as string,
      },
    ],
    // 2026-11-21 → 2027-01-31 is 72 days; the 75 % reminder is due on day ⌊0.75 × 72⌋ = 54.
    nextActionAt: '2027-01-14T00:00:00Z',
    policyVersion: 1,
  });
  expect(site.statusChanges(key)).toEqual(['Submitted → Approved']);
  expect(site.commentAuthors(key)).toEqual([]);
};

/**
 * High-risk approval is refused until the approver is in the C-level group, controls are present, the expiry is
 * within the cap and evidence is attached; each refusal lists every missing item.
 */
export const highRiskNeedsEverything = async (site: ExceptionSite): Promise<void> => {
  // Low and without controls: triage sends it to review rather than auto-approving it.
  const key = await site.raise({ ...EDR_GAP, compensatingControls: '', expirationDate: '2027-02-01' });
  expect(site.statusOf(key)).toBe('Risk Review');

  const asked = { riskRating: 'High', expirationDate: '2027-04-30' };
  const controls = 'Build agents on an isolated VLAN; egress allow-list; daily EDR console review.';
  expect(await site.refusal(key, 'Approve', securityReviewer, asked)).toEqual([
    [C_LEVEL_NEEDED, CONTROLS_NEEDED, EXPIRY_TOO_FAR, EVIDENCE_NEEDED].join('\n'),
  ]);
  expect(await site.refusal(key, 'Approve', ciso, asked)).toEqual([
    [CONTROLS_NEEDED, EXPIRY_TOO_FAR, EVIDENCE_NEEDED].join('\n'),
  ]);
  expect(await site.refusal(key, 'Approve', ciso, { ...asked, compensatingControls: controls })).toEqual([
    [EXPIRY_TOO_FAR, EVIDENCE_NEEDED].join('\n'),
  ]);
  const withinCap = { ...asked, compensatingControls: controls, expirationDate: '2027-02-19' };
  expect(await site.refusal(key, 'Approve', ciso, withinCap)).toEqual([EVIDENCE_NEEDED]);

  site.attachEvidence(key, 'edr-vendor-statement.pdf');
  await site.transition(key, 'Approve', ciso, withinCap);

  expect(site.statusOf(key)).toBe('Approved');
  expect(await site.lifecycle(key)).toEqual({
    version: 1,
    history: [
      SUBMITTED,
      { at: START, action: 'triaged', by: null, actionKey: expect.any(String) as string },
      {
        at: START,
        action: 'approved',
        by: ciso,
        periodStart: '2026-11-21',
        periodEnd: '2027-02-19',
        policyVersion: 1,
        justificationDigest: justificationDigest(EDR_GAP.justification),
        decidedOn: expect.objectContaining({ expirationDate: '2027-02-19', riskRating: 'High' }) as unknown,
        actionKey: expect.any(String) as string,
      },
    ],
    // 91 days: the 75 % reminder on day 68, 2027-01-28.
    nextActionAt: '2027-01-28T00:00:00Z',
    policyVersion: 1,
  });
  // The refused attempts changed nothing: two status changes, the screen's edits only from the approval.
  expect(site.statusChanges(key)).toEqual(['Submitted → Risk Review', 'Risk Review → Approved']);
};

/** The requester cannot approve their own exception: Jira hides Approve from them, and the validator refuses. */
export const requesterCannotApprove = async (site: ExceptionSite): Promise<void> => {
  // A security reviewer, who may approve Medium risk, raises an exception of their own.
  const key = await site.raise(
    {
      ...EDR_GAP,
      type: 'Firewall rule',
      affectedAssets: ['fw-edge-01'],
      justification:
        'Temporary inbound rule for the penetration test vendor; the test is contracted for December and needs SSH.',
    },
    securityReviewer,
  );
  expect(site.statusOf(key)).toBe('Risk Review');
  expect(await site.offered(key, securityReviewer)).not.toContain('Approve');
  expect(await site.offered(key, ciso)).toContain('Approve');

  // Should an admin drop the condition, the validator still refuses: called exactly as Jira calls it.
  const { statuses, fields } = site.config;
  const answer = await handlers.validateTransition(
    {
      issue: { key },
      configuration: { transition: 'approve' },
      transition: {
        from: { id: statuses['Risk Review'] },
        to: { id: statuses.Approved },
        modifiedFields: { [fields.riskRating]: { value: 'Medium', id: '1' } },
      },
    },
    { principal: { accountId: securityReviewer } },
  );
  expect(answer).toEqual({ result: false, errorMessage: SEGREGATION });
  expect(site.statusOf(key)).toBe('Risk Review');
  expect((await site.lifecycle(key)).history.map((entry) => entry.action)).toEqual(['submitted', 'triaged']);
};

/** Recertify is refused without all three checklist answers or without a fresh justification. */
export const recertificationNeedsChecklistAndFreshJustification = async (
  site: ExceptionSite,
): Promise<void> => {
  const key = await site.raise(EDR_GAP);
  expect(site.statusOf(key)).toBe('Approved');

  testClock.set('2027-01-10T09:00:00Z');
  await site.transition(key, 'Start recertification', riskOwner);
  expect(site.statusOf(key)).toBe('Recertification');

  const renewal = { expirationDate: '2027-04-10' };
  const twoTicks = ['Controls still effective', 'Justification still valid'];
  const allTicks = [...twoTicks, 'No better option available'];
  const unchanged =
    'Business Justification has not changed since the last approval: update it to say why the exception is still needed today.';
  expect(await site.refusal(key, 'Recertify', riskOwner, { ...renewal, checklist: twoTicks })).toEqual([
    [
      'Recertification Checklist is incomplete: "No better option available" is not ticked. All 3 must be true to recertify; otherwise retire the exception or let it lapse.',
      unchanged,
    ].join('\n'),
  ]);
  expect(await site.refusal(key, 'Recertify', riskOwner, { ...renewal, checklist: allTicks })).toEqual([
    unchanged,
  ]);

  const fresh =
    'The vendor patch slipped to March (ticket VND-4471); the CAD build still crashes with the EDR agent enabled.';
  await site.transition(key, 'Recertify', riskOwner, {
    ...renewal,
    checklist: allTicks,
    justification: fresh,
  });

  expect(site.statusOf(key)).toBe('Approved');
  const lifecycle = await site.lifecycle(key);
  expect(lifecycle.history.map((entry) => entry.action)).toEqual([
    'submitted',
    'auto-approved',
    'recertification-started',
    'recertified',
  ]);
  expect(lifecycle.history.at(-1)).toEqual({
    at: '2027-01-10T09:00:00Z',
    action: 'recertified',
    by: riskOwner,
    periodStart: '2027-01-10',
    periodEnd: '2027-04-10',
    policyVersion: 1,
    justificationDigest: justificationDigest(fresh),
    decidedOn: expect.objectContaining({ expirationDate: '2027-04-10' }) as unknown,
    checklist: {
      'Controls still effective': true,
      'Justification still valid': true,
      'No better option available': true,
    },
    actionKey: expect.any(String) as string,
  });
  // 91 days from 2027-01-10: the 75 % reminder on day 68.
  expect(lifecycle.nextActionAt).toBe('2027-03-19T00:00:00Z');
  expect(site.statusChanges(key)).toEqual([
    'Submitted → Approved',
    'Approved → Recertification',
    'Recertification → Approved',
  ]);
};

/** An incomplete request stays in Submitted, and the requester gets one comment listing what is missing. */
export const incompleteRequestIsToldOnce = async (site: ExceptionSite): Promise<void> => {
  const key = await site.raise({ ...EDR_GAP, justification: 'Need it for the build.', riskOwner: requester });

  expect(site.statusOf(key)).toBe('Submitted');
  expect(site.statusChanges(key)).toEqual([]);
  expect(site.commentAuthors(key)).toEqual([site.sim.appUser.accountId]);
  expect(site.commentText(key, 0)).toBe(
    [
      '@Rae Requester this security exception cannot go to risk review yet. Please complete:',
      'Business Justification is too short: 17 letters or digits, the policy asks for at least 40. Explain the need and the business impact; spaces, punctuation and invisible characters do not count.',
      'Risk Owner cannot be the requester: the policy asks for someone else to be accountable for this risk. Pick another Risk Owner.',
      'Then send it to Risk Review with the Triage transition: the same checks run again there.',
    ].join('\n'),
  );
  // Standard decision SLA: 120 hours after creation.
  expect(await site.lifecycle(key)).toEqual({
    version: 1,
    history: [SUBMITTED],
    nextActionAt: '2026-11-26T09:00:00Z',
    policyVersion: null,
  });
};
