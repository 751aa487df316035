/**
 * The admin page's setup resolvers through the simulator with the REAL admin resolver: only a Jira admin may run
 * setup or see its status (checked as the caller), refusals are answers, and nothing changes when refused.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { z } from 'zod';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { GetSetupStatusResponseSchema, RunSetupResponseSchema } from '../../../src/contracts/admin-setup';
import type { JiraSimulator } from '../../../simulator';
import { SITE_USERS } from '../../support/simulated-site';
import { invokeAdminResolver as invoke } from './exception-harness';
import { siteWithAppPerTest } from './site-per-test';

jest.setTimeout(30_000);

const { requester, jiraAdmin } = SITE_USERS;

const site = siteWithAppPerTest();

/** Requests that change Jira (reads sent as POST excepted). */
const writes = (sim: JiraSimulator): string[] =>
  Object.keys(sim.calls.snapshot()).filter(
    (call) =>
      !call.startsWith('GET ') &&
      !['POST /rest/api/3/workflows', 'POST /rest/api/3/search/jql'].includes(call),
  );

const everythingStored = async (): Promise<Record<string, unknown>> => {
  const entries = await new KvsStore().listByPrefix('', z.unknown(), 1_000);
  return Object.fromEntries(entries.map(({ key, value }) => [key, value]));
};

describe('setup resolvers', () => {
  it('refuse a caller who is not a Jira admin, and nothing changes in Jira or in the store', async () => {
    const stored = await everythingStored();
    site().sim.calls.reset();
    expect(await invoke('runSetup', { projectKey: 'SEC' }, requester)).toEqual({
      ok: false,
      error: { code: 'not-admin', message: 'Only a Jira administrator can run setup. Nothing was changed.' },
    });
    expect(await invoke('getSetupStatus', {}, requester)).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message: 'Only a Jira administrator can see the setup status. Nothing was changed.',
      },
    });
    expect(writes(site().sim)).toEqual([]);
    expect(await everythingStored()).toEqual(stored);
  });

  it('let an admin run setup, a second run creating nothing, and report the project ready', async () => {
    const before = GetSetupStatusResponseSchema.parse(
      await invoke('getSetupStatus', { projectKey: 'SEC' }, jiraAdmin),
    );
    expect(before).toMatchObject({ ok: true, status: { ready: false } });
    expect(before.ok && before.status.missing).toContain('issue type "Exception"');

    const first = RunSetupResponseSchema.parse(await invoke('runSetup', { projectKey: 'SEC' }, jiraAdmin));
    expect(first.ok && first.report.created).toContainEqual(
      expect.stringMatching(/^issue type "Exception" \(\d+\)$/),
    );
    const second = RunSetupResponseSchema.parse(await invoke('runSetup', { projectKey: 'SEC' }, jiraAdmin));
    expect(second).toMatchObject({ ok: true, report: { created: [], adopted: [] } });

    expect(await invoke('getSetupStatus', {}, jiraAdmin)).toMatchObject({
      ok: true,
      status: { ready: true, missing: [] },
    });
  });

  it.each<[string, unknown, unknown]>([
    [
      'a field setup does not know',
      { projectKey: 'SEC', adoptFields: { colour: 'customfield_10100' } },
      {
        code: 'invalid-request',
        message:
          "The admin page sent a request the app does not understand (adoptFields: may only name the form's fields: exceptionType, justification, riskOwner, compensatingControls, expirationDate, affectedAssets, urgency, remediationPlan, riskRating, recertificationChecklist, decisionReason, findings). Nothing was changed; reload the page.",
      },
    ],
    [
      'a project key that is not one',
      { projectKey: 'sec-1' },
      {
        code: 'invalid-request',
        message:
          'The admin page sent a request the app does not understand (projectKey: must be a Jira project key such as SEC). Nothing was changed; reload the page.',
      },
    ],
    [
      'a project that does not exist',
      { projectKey: 'NOPE' },
      {
        code: 'blocked',
        message: 'Setup cannot start, and nothing was changed: resolve these first.',
        problems: ['Project NOPE does not exist, or the app cannot see it.'],
      },
    ],
  ])('answer a refusal for %s, changing nothing', async (_case, payload, error) => {
    site().sim.calls.reset();
    expect(await invoke('runSetup', payload, jiraAdmin)).toEqual({ ok: false, error });
    expect(writes(site().sim)).toEqual([]);
  });
});
