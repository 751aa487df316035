/**
 * The platform self-check through the simulator with the REAL handlers (DESIGN.md §12, ISSUE 6 A9): real
 * transitions record the shapes the validator, the post function and the triggers receive, and the admin resolver
 * reports them against the code's assumptions; a payload of another shape is reported with a warning.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import {
  GetPlatformSelfCheckResponseSchema,
  type SourceReport,
} from '../../../src/contracts/admin-self-check';
import * as handlers from '../../../src/index';
import { forgeRuntime } from '../../support/forge-on-simulator';
import { SITE_USERS } from '../../support/simulated-site';
import { invokeAdminResolver } from '../transitions/exception-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';

jest.setTimeout(30_000);

const { jiraAdmin, requester, securityReviewer } = SITE_USERS;
const site = exceptionSitePerTest();

const selfCheck = async (): Promise<Record<string, SourceReport>> => {
  const answer = GetPlatformSelfCheckResponseSchema.parse(
    await invokeAdminResolver('getPlatformSelfCheck', {}, jiraAdmin),
  );
  if (!answer.ok) throw new Error(`refused: ${answer.error.message}`);
  return Object.fromEntries(answer.sources.map((report) => [report.source, report]));
};

const statuses = (report: SourceReport | undefined): Record<string, string> =>
  Object.fromEntries((report?.assumptions ?? []).map(({ id, status }) => [id, status]));

describe('the platform self-check on a simulated site', () => {
  it('reports the shapes of a real transition and confirms every assumption, with no warning', async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    await site().transition(key, 'Approve', securityReviewer, {
      riskRating: 'Low',
      compensatingControls: 'Lab VLAN.',
    });
    const reports = await selfCheck();

    const validator = reports['validate-transition'];
    expect(validator?.warnings).toEqual([]);
    expect(statuses(validator)).toEqual({
      'issue-key': 'confirmed',
      'modified-fields-nested': 'confirmed',
      'principal-present': 'confirmed',
      'configuration-object': 'confirmed',
      'transition-target': 'confirmed',
    });
    // The first sighting is triage's move to Risk Review (no screen); the latest, the Approve screen's edits.
    expect(validator?.sightings.at(-1)?.shape).toMatchObject({
      payload: {
        'issue.key': 'string',
        'configuration.transition': 'string',
        'transition.from.id': 'string',
        'transition.to.id': 'string',
        'transition.modifiedFields': 'object',
        'transition.modifiedFields.customfield_*': 'object',
      },
      context: { 'principal.accountId': 'string' },
    });

    const postFunction = reports['record-transition'];
    expect(postFunction?.warnings).toEqual([]);
    expect(Object.values(statuses(postFunction))).toEqual(Array(6).fill('confirmed'));
    expect(postFunction?.sightings[0]?.shape.payload).toMatchObject({
      'transition.executionId': 'string',
      'changelog.id': 'string',
      atlassianId: 'string',
    });

    expect(reports['triage-on-create']?.warnings).toEqual([]);
    expect(Object.values(statuses(reports['triage-on-create']))).toEqual(['confirmed', 'confirmed']);
    expect(reports['store-default-policy']?.sightings).toHaveLength(1);

    // Names and types only: no issue key, account id or field text was stored.
    const stored = JSON.stringify(forgeRuntime.kvs.keys().filter((k) => k.startsWith('self-check:')));
    const everything = JSON.stringify(reports);
    expect(stored).toContain('self-check:shape:validate-transition');
    for (const value of [key, securityReviewer, requester, 'Lab VLAN', 'cad-ws-07'])
      expect(everything).not.toContain(value);
  });

  it('warns when the validator and the post function receive the variant shapes', async () => {
    const key = await site().raise(EDR_GAP);
    // Hand-made variants of what a real site may send (FORGE_NOTES §16): flat modifiedFields, no principal,
    // configuration as JSON text; a post-function transition as from_status / to_status without executionId.
    await handlers.validateTransition(
      {
        issue: { key },
        configuration: '{"transition":"approve"}',
        transition: { to: { id: '3' } },
        modifiedFields: {},
      },
      { installContext: 'ari:cloud:jira::site/1' },
    );
    await handlers
      .recordTransition({
        issue: { id: '1', key, fields: {} },
        transition: { from_status: 'Risk Review', to_status: 'Approved', transitionName: 'Approve' },
        atlassianId: securityReviewer,
        changelog: { id: '99' },
        configuration: { transition: 'approve' },
      })
      .catch(() => undefined);
    const reports = await selfCheck();

    expect(statuses(reports['validate-transition'])).toEqual({
      'issue-key': 'confirmed',
      'modified-fields-nested': 'refuted',
      'principal-present': 'refuted',
      'configuration-object': 'refuted',
      'transition-target': 'confirmed',
    });
    expect(reports['validate-transition']?.warnings).toEqual([
      'WARNING: The screen’s edits arrived in modifiedFields at the top level of the payload, not inside transition as Atlassian’s example shows (the other form in the same documentation page). The app reads both places; this site uses the top-level one. (one recorded shape, seen 1 time, last on 2026-11-21.)',
      'WARNING: The validator was called without context.principal.accountId: the context does not say who is making the transition. Rules about who may decide then rest on the other places the actor can arrive; when none does, the transition is refused. (one recorded shape, seen 1 time, last on 2026-11-21.)',
      "WARNING: The validator's configuration arrived as something other than a JSON object (JSON text, as some apps report, or nothing at all). The app must parse JSON text before reading which transition the rule is for. (one recorded shape, seen 1 time, last on 2026-11-21.)",
    ]);
    expect(statuses(reports['record-transition'])).toMatchObject({
      'transition-from-to-objects': 'refuted',
      'execution-id': 'refuted',
      'changelog-id': 'confirmed',
    });
  });

  it('refuses a caller who is not a Jira admin', async () => {
    expect(await invokeAdminResolver('getPlatformSelfCheck', {}, requester)).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message:
          'Only Jira administrators can see the platform self-check. Nothing was changed; ask a Jira admin if the policy needs to change.',
      },
    });
  });
});
