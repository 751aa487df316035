/** What the admin page shows: which of setup's objects exist and which are missing. */
import { readSetupStatus } from '../../../src/application/setup/setup-status';
import { provisionProject } from '../../../src/application/setup/provision-project';
import { setupSitePerTest, totalOf, writeCalls } from './setup-site';

// The first request of an operation compiles its schema from Jira's 2.5 MB document: seconds on a busy machine.
jest.setTimeout(30_000);

const site = setupSitePerTest();

test('on a fresh site everything is missing, and asking changes nothing', async () => {
  site().sim.state.addCustomField({ name: 'Expiration Date', type: 'datepicker' });
  const status = await readSetupStatus(site().deps, { projectKey: 'SEC' });
  expect(status).toEqual({
    ready: false,
    present: [],
    missing: [
      'field "Exception Type"',
      'field "Business Justification"',
      'field "Risk Owner"',
      'field "Compensating Controls"',
      'field "Expiration Date" (setup will adopt customfield_10000, which has this name)',
      'field "Affected Assets"',
      'field "Urgency"',
      'field "Remediation Plan"',
      'field "Risk Rating"',
      'field "Recertification Checklist"',
      'field "Decision Reason"',
      'field "Findings"',
      'issue type "Exception"',
      'status "Submitted"',
      'status "Risk Review"',
      'status "Approved"',
      'status "Recertification"',
      'status "Rejected"',
      'status "Reverted"',
      'status "Retired"',
      'screen "Security Exception Create Screen"',
      'screen "Security Exception Screen"',
      'screen "Security Exception Review Screen"',
      'screen "Security Exception Recertify Screen"',
      'screen "Security Exception Decision Screen"',
      'screen "Security Exception Comment Screen"',
      'workflow "Security Exception Workflow"',
      'screen scheme "Security Exception Screen Scheme"',
      'site configuration for project SEC',
    ],
  });
  expect(totalOf(writeCalls(site().sim))).toBe(0);
});

test('after setup everything is present', async () => {
  await provisionProject(site().deps, { projectKey: 'SEC' });
  const status = await readSetupStatus(site().deps);
  expect(status.missing).toEqual([]);
  expect(status.ready).toBe(true);
  expect(status.present.slice(-6)).toEqual([
    'screen scheme "Security Exception Screen Scheme" (2)',
    'issue type "Exception" in project SEC',
    'workflow "Security Exception Workflow" for Exception in project SEC',
    'screen scheme "Security Exception Screen Scheme" for Exception in project SEC',
    'site configuration for project SEC',
    'approver groups of the policy restricting its decisions in workflow "Security Exception Workflow": "security-reviewers", "c-level"',
  ]);
  expect(status.present).toHaveLength(12 + 1 + 7 + 6 + 1 + 1 + 4 + 1);
});

test('a project not set up yet shows what it lacks', async () => {
  site().sim.state.addProject({ key: 'OPS' });
  await provisionProject(site().deps, { projectKey: 'SEC' });
  const status = await readSetupStatus(site().deps, { projectKey: 'OPS' });
  expect(status.ready).toBe(false);
  expect(status.missing).toEqual([
    'workflow "Security Exception Workflow" for Exception in project OPS',
    'screen scheme "Security Exception Screen Scheme" for Exception in project OPS',
    'site configuration for project OPS',
  ]);
});

test('without a project set up, the status says one is needed', async () => {
  const status = await readSetupStatus(site().deps);
  expect(status.missing.at(-1)).toBe('a project set up for security exceptions');
});
