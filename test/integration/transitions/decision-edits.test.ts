/**
 * A decision covers what was decided (DESIGN.md §3, ISSUE 6 B3), end to end with the REAL handlers: an exception
 * in force edited outside a transition (REST PUT as the requester) goes back to review with one comment naming
 * what changed, however often the avi:jira:updated:issue event arrives; until a fresh decision the approved values
 * govern the planner, the KPIs and the export; and edits made on the Approve screen are covered by that approval.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import {
  exceptionFieldIds,
  toExceptionRecord,
} from '../../../src/application/issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../../../src/application/lifecycle-property';
import { computeKpis } from '../../../src/domain/kpi';
import { planActions } from '../../../src/domain/planner';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import type { ExceptionRecord } from '../../../src/domain/register-schema';
import { toExportRow } from '../../../src/domain/register';
import * as handlers from '../../../src/index';
import { SITE_USERS } from '../../support/simulated-site';
import type { ExceptionSite } from './exception-harness';
import { EDR_GAP } from './scenarios';
import { exceptionSitePerTest } from './site-per-test';
import { START, testClock } from './test-clock';

jest.setTimeout(30_000);

const { requester, riskOwner, securityReviewer } = SITE_USERS;

const site = exceptionSitePerTest();
const policy = defaultPolicy();

/** The exception as the app reads it now (fields as edited, lifecycle as recorded). */
const recordOf = async (exceptionSite: ExceptionSite, issueKey: string): Promise<ExceptionRecord> => {
  const issue = await exceptionSite.site.asApp.getIssue(issueKey, {
    fields: exceptionFieldIds(exceptionSite.config),
    properties: [LIFECYCLE_PROPERTY_KEY],
  });
  const mapped = toExceptionRecord(issue, exceptionSite.config);
  if (!mapped.ok) throw new Error(mapped.problems.join(' '));
  return mapped.record;
};

/** The comment's opening, after the mentions of the decided owner and the requester. */
const EDITED_OPENING =
  ' this exception was edited outside a transition after the decision of 2026-11-21. A decision covers only what was decided, and these fields no longer match it:';

describe('decision-relevant edits outside a transition', () => {
  it('sends an approved exception edited by its requester to Recertification with one comment naming the fields', async () => {
    const key = await site().raise(EDR_GAP);
    expect(site().statusOf(key)).toBe('Approved');
    const extended = 'Extended: the vendor has not committed to any date for the fix.';

    await site().edit(key, requester, {
      expirationDate: '2027-06-30',
      justification: extended,
      affectedAssets: ['cad-ws-08', 'cad-ws-07'],
    });

    expect(site().statusOf(key)).toBe('Recertification');
    expect(site().statusChanges(key)).toEqual(['Submitted → Approved', 'Approved → Recertification']);
    expect(site().commentAuthors(key)).toEqual([site().sim.appUser.accountId]);
    expect(site().commentText(key, 0)).toBe(
      [
        `@Owen Owner @Rae Requester${EDITED_OPENING}`,
        'Business Justification',
        'Expiration Date',
        'Affected Assets',
        'The app has moved it to Recertification. Until someone recertifies it, the values of that decision still govern its expiry, the KPIs and the export.',
      ].join('\n'),
    );
    // Field names only: nothing the editor typed is repeated.
    expect(site().commentText(key, 0)).not.toContain('2027-06-30');
    expect(site().commentText(key, 0)).not.toContain('cad-ws-08');
    expect(site().commentText(key, 0)).not.toContain('vendor');

    const lifecycle = await site().lifecycle(key);
    expect(lifecycle.history.map((entry) => [entry.action, entry.by])).toEqual([
      ['submitted', requester],
      ['auto-approved', null],
      ['recertification-started', null],
    ]);
    // The approved period (2026-11-21 → 2027-01-31) still drives the engine: its 75 % reminder, not one of June.
    expect(lifecycle.nextActionAt).toBe('2027-01-14T00:00:00Z');

    const record = await recordOf(site(), key);
    expect(record.expirationDate).toBe('2027-06-30');
    const revertDay = '2027-02-01T00:00:00Z';
    const revertOf = (now: string) =>
      planActions(record, policy, now).filter((action) => action.action === 'revert');
    expect(revertOf('2027-01-31T23:59:59Z')).toEqual([]);
    expect(revertOf(revertDay).map((action) => action.dueAt)).toEqual([revertDay]);
    const row = toExportRow(record, policy, revertDay);
    expect([row.expirationDate, row.justification, row.affectedAssets]).toEqual([
      '2027-01-31',
      EDR_GAP.justification,
      'cad-ws-07',
    ]);
    const kpis = computeKpis([record], policy, revertDay);
    expect(kpis.overdueShare).toEqual({ value: 1, numerator: 1, denominator: 1 });
  });

  it('comments once and transitions once when the same event arrives twice, at once, and again later', async () => {
    const key = await site().raise(EDR_GAP);
    const delivered: Readonly<Record<string, unknown>>[] = [];
    // A second app on the site, subscribed to the same event, keeps what Forge delivered so it can be redelivered.
    site().sim.installApp({
      appId: '0d3c2b1a-0000-4000-8000-00000000e1e1',
      environmentId: 'e7a1c0de-0000-4000-8000-00000000e1e1',
      modules: [{ key: 'delivery-log', type: 'trigger', events: ['avi:jira:updated:issue'] }],
      onEvent: (_name, event) => {
        // As the app's trigger sees them: ignoreSelf keeps the app's own edits out.
        if (event.selfGenerated !== true) delivered.push(event);
        return Promise.resolve();
      },
    });
    await site().edit(key, requester, { compensatingControls: 'None for now.' });
    expect(delivered).toHaveLength(1);

    await Promise.all([handlers.reviewDecisionEdit(delivered[0]), handlers.reviewDecisionEdit(delivered[0])]);
    await site().sim.idle();
    await handlers.reviewDecisionEdit(delivered[0]);
    await site().sim.idle();

    expect(site().statusOf(key)).toBe('Recertification');
    expect(site().statusChanges(key)).toEqual(['Submitted → Approved', 'Approved → Recertification']);
    expect(site().commentAuthors(key)).toEqual([site().sim.appUser.accountId]);
    expect(site().commentText(key, 0).split('\n').slice(1, -1)).toEqual(['Compensating Controls']);
    expect((await site().lifecycle(key)).history.map((entry) => entry.action)).toEqual([
      'submitted',
      'auto-approved',
      'recertification-started',
    ]);
  });

  it('keeps an exception already in Recertification there, and comments on each new edit once', async () => {
    const key = await site().raise(EDR_GAP);
    await site().transition(key, 'Start recertification', riskOwner);

    await site().edit(key, requester, { riskOwner: securityReviewer });
    // Not decision-relevant: no second comment.
    await site().edit(key, requester, { summary: 'CAD workstation EDR gap (renamed)' });

    expect(site().statusOf(key)).toBe('Recertification');
    expect(site().statusChanges(key)).toEqual(['Submitted → Approved', 'Approved → Recertification']);
    expect(site().commentAuthors(key)).toEqual([site().sim.appUser.accountId]);
    const lines = site().commentText(key, 0).split('\n');
    expect(lines.slice(1)).toEqual([
      'Risk Owner',
      'It stays in Recertification. Until someone recertifies it, the values of that decision still govern its expiry, the KPIs and the export.',
    ]);
    // The decided owner, the new owner and the requester are told.
    expect(lines[0]).toBe(`@Owen Owner @Sam Reviewer @Rae Requester${EDITED_OPENING}`);
  });

  it('ignores formatting-only edits: white space in the texts, the order of the assets', async () => {
    const key = await site().raise({ ...EDR_GAP, affectedAssets: ['cad-ws-07', 'cad-ws-09'] });

    await site().edit(key, requester, {
      justification: `  ${EDR_GAP.justification.replace(/ /g, '   ')}\n`,
      affectedAssets: ['cad-ws-09', 'cad-ws-07'],
    });

    expect(site().statusOf(key)).toBe('Approved');
    expect(site().commentAuthors(key)).toEqual([]);
  });

  it('lets an approval with screen edits stand: the approval covers what its screen changed', async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    expect(site().statusOf(key)).toBe('Risk Review');
    const controls = 'Workstation isolated on the lab VLAN; weekly offline anti-malware scan.';

    await site().transition(key, 'Approve', securityReviewer, {
      riskRating: 'Low',
      compensatingControls: controls,
      expirationDate: '2027-01-15',
    });

    expect(site().statusOf(key)).toBe('Approved');
    expect(site().commentAuthors(key)).toEqual([]);
    const approved = (await site().lifecycle(key)).history.at(-1);
    expect(approved?.action).toBe('approved');
    expect(approved?.decidedOn).toMatchObject({
      type: 'Endpoint control gap',
      riskRating: 'Low',
      riskOwner: { accountId: riskOwner },
      expirationDate: '2027-01-15',
      affectedAssets: ['cad-ws-07'],
      compensatingControls: { excerpt: controls, truncated: false },
    });
    expect(testClock.now()).toBe(START);
  });
});
