/** Only a Jira administrator may run setup (checked as the caller, asUser); two runs never race. */
import { provisionProject, SETUP_LOCK_KEY } from '../../../src/application/setup/provision-project';
import { runSetup } from '../../../src/application/setup/run-setup';
import { SetupBusyError } from '../../../src/application/setup/setup-errors';
import { SITE_CONFIG_KEY, SiteConfigSchema } from '../../../src/application/site-config';
import { FRESH_SITE_CREATED } from './expected-reports';
import { callerAs, setupSitePerTest, totalOf, writeCalls } from './setup-site';

// The first request of an operation compiles its schema from Jira's 2.5 MB document: seconds on a busy machine.
jest.setTimeout(30_000);

const site = setupSitePerTest();

test('a user who is not a Jira administrator is refused, and nothing is read or written as the app', async () => {
  const caller = { ...site().deps, jiraAsUser: callerAs(site().sim, 'bo') };
  await expect(runSetup({ projectKey: 'SEC' }, caller)).rejects.toMatchObject({
    code: 'not-admin',
    message: 'Only a Jira administrator can run setup. Nothing was changed.',
  });
  expect(site().sim.calls.snapshot()).toEqual({ 'GET /rest/api/3/mypermissions': 1 });
  expect(totalOf(writeCalls(site().sim))).toBe(0);
  expect(site().store.keys()).toEqual([]);
});

test('a Jira administrator runs it', async () => {
  const caller = { ...site().deps, jiraAsUser: callerAs(site().sim, 'ada') };
  const { report } = await runSetup({ projectKey: 'SEC' }, caller);
  expect(report.created).toEqual(FRESH_SITE_CREATED);
});

test('of two runs at once, one works and the other is told setup is already running', async () => {
  const outcomes = await Promise.allSettled([
    provisionProject(site().deps, { projectKey: 'SEC' }),
    provisionProject(site().deps, { projectKey: 'SEC' }),
  ]);
  expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
  expect(outcomes[1]).toEqual({ status: 'rejected', reason: new SetupBusyError() });
  expect(new SetupBusyError().message).toBe(
    'Setup is already running on this site; wait a minute and run it again.',
  );
  expect(site().store.keys()).not.toContain(SETUP_LOCK_KEY);
});

test('the lock is released when a run fails', async () => {
  site().sim.faults.set({ rate5xx: 1, only: ['POST /rest/api/3/issuetype'] });
  await expect(provisionProject(site().deps, { projectKey: 'SEC' })).rejects.toThrow(
    'Setup stopped at issue type',
  );
  expect(site().store.keys()).toEqual([]);
});

test('setting up a second project reuses the site-wide objects and adds only the project schemes', async () => {
  site().sim.state.addProject({ key: 'OPS', name: 'Operations' });
  await provisionProject(site().deps, { projectKey: 'SEC' });
  const report = await provisionProject(site().deps, { projectKey: 'OPS' });
  expect(report.created).toEqual([
    'workflow scheme "OPS: Security Exception Workflow Scheme" (10002)',
    'workflow scheme "OPS: Security Exception Workflow Scheme" (10002) assigned to project OPS',
    'issue type screen scheme "OPS: Security Exception Issue Type Screen Scheme" (3)',
    'issue type screen scheme "OPS: Security Exception Issue Type Screen Scheme" (3) assigned to project OPS',
    'site configuration for project OPS',
  ]);
  const projects = (await site().store.get(SITE_CONFIG_KEY, SiteConfigSchema))?.projects;
  expect(projects?.map((project) => project.key)).toEqual(['SEC', 'OPS']);
  expect(site().sim.state.project('OPS')?.workflowSchemeId).toBe('10002');
});
