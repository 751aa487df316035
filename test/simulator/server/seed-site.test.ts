/**
 * A site seeded from a register (simulator/seed/seed-site.ts) holds the exceptions as the app would have left them:
 * read back through the app's own REST client and issue mapping, every record equals the register's; the app's
 * real setup ran (contract-checked); JQL on the indexed nextActionAt finds exactly the due ones.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import { defaultRetryPolicy } from '../../../src/adapters/jira/send-with-retries';
import {
  exceptionFieldIds,
  toExceptionRecord,
} from '../../../src/application/issue-mapping/to-exception-record';
import { dueExceptionsJql } from '../../../src/application/lifecycle/due-exceptions-jql';
import { LIFECYCLE_PROPERTY_KEY } from '../../../src/application/lifecycle-property';
import { planActions } from '../../../src/domain/planner';
import { parseRegister } from '../../../src/domain/register';
import type { Register } from '../../../src/domain/register-schema';
import { createJiraSimulator, type JiraSimulator } from '../../../simulator';
import { seedSiteFromRegister, type SeededSite } from '../../../simulator/seed/seed-site';
import { simulatorFetcher } from '../../../simulator/seed/simulator-fetcher';

const NOW = '2026-11-21T09:00:00Z';
const ROOT = path.resolve(__dirname, '../../..');

const exampleRegister = (): Register => {
  const parsed = parseRegister(JSON.parse(readFileSync(path.join(ROOT, 'examples/register.json'), 'utf8')));
  if (!parsed.ok) throw new Error('examples/register.json does not parse');
  return parsed.register;
};

/** The example register spread over two projects, with the keys' numbers kept (so with gaps in each). */
const twoProjects = (register: Register): Register => ({
  ...register,
  exceptions: register.exceptions.map((exception, index) =>
    index % 3 === 0 ? { ...exception, key: exception.key.replace('SEC-', 'OPS-') } : exception,
  ),
});

describe('seedSiteFromRegister', () => {
  let sim: JiraSimulator;
  let site: SeededSite;
  let register: Register;
  let asApp: JiraRestClient;

  beforeAll(async () => {
    register = twoProjects(exampleRegister());
    sim = await createJiraSimulator({ now: () => new Date(NOW) });
    site = await seedSiteFromRegister(sim, register, { adminToken: 'admin-token' });
    asApp = new JiraRestClient(simulatorFetcher(sim), defaultRetryPolicy());
  }, 60_000);
  afterAll(() => sim.close());

  it('ran the real setup for each project, through contract-valid traffic only', () => {
    sim.assertNoContractViolations();
    expect(sim.serverErrors).toEqual([]);
    expect(site.config.projects.map((project) => project.key).sort()).toEqual(['OPS', 'SEC']);
    expect(site.config.approverGroups?.map((group) => group.name)).toEqual(['security-reviewers', 'c-level']);
  });

  it('keeps every register key, per project', () => {
    const keys = (prefix: string) =>
      register.exceptions.map((exception) => exception.key).filter((key) => key.startsWith(`${prefix}-`));
    expect(site.issueKeys.get('SEC')).toEqual(keys('SEC'));
    expect(site.issueKeys.get('OPS')).toEqual(keys('OPS'));
    expect(site.issueKeys.get('OPS')).toHaveLength(12);
    // A new issue continues after the highest seeded number.
    expect(sim.state.project('SEC')?.nextIssueNumber).toBe(34);
    expect(sim.state.project('OPS')?.nextIssueNumber).toBe(35);
  });

  it('reads back, through the app’s REST client and mapping, as exactly the register’s records', async () => {
    for (const expected of register.exceptions) {
      const issue = await asApp.getIssue(expected.key, {
        fields: exceptionFieldIds(site.config),
        properties: [LIFECYCLE_PROPERTY_KEY],
      });
      const mapped = toExceptionRecord(issue, site.config);
      if (!mapped.ok) throw new Error(`${expected.key}: ${mapped.problems.join(' ')}`);
      // Issue ids are the simulator's own (the register's identity is the key).
      expect({ key: expected.key, record: { ...mapped.record, id: undefined } }).toEqual({
        key: expected.key,
        record: { ...expected, id: undefined },
      });
    }
  });

  it('writes the lifecycle property as the app does: nextActionAt from the planner, the last period’s policy version', async () => {
    const property = await asApp.getIssueProperty('SEC-2', LIFECYCLE_PROPERTY_KEY);
    const record = register.exceptions.find((exception) => exception.key === 'SEC-2');
    expect(property).toEqual({
      version: 1,
      history: record?.history,
      nextActionAt: null,
      policyVersion: 1,
    });
  });

  it('lets the sweep’s own JQL find exactly the exceptions the planner says are due', async () => {
    const jql = dueExceptionsJql(site.config, NOW);
    if (jql === null) throw new Error('no JQL');
    const page = await asApp.search(jql, { fields: ['summary'], properties: [], maxResults: 100 });
    const due = register.exceptions
      .filter((exception) => planActions(exception, site.policy, NOW).length > 0)
      .map((exception) => exception.key);
    expect(page.issues.map((issue) => issue.key).sort()).toEqual(due.sort());
    expect(due).toHaveLength(7);
  });

  it('puts the people in the approver groups their decisions needed, and a site admin who authenticates', () => {
    const members = (group: string) => [...(sim.state.group(group)?.members ?? [])].sort();
    expect(members('c-level')).toEqual(['70d1e2f3a4b5c6d7e8f90a1b', '72f3a4b5c6d7e8f90a1b2c3d']);
    expect(members('security-reviewers')).toEqual(['70d1e2f3a4b5c6d7e8f90a1b', '71e2f3a4b5c6d7e8f90a1b2c']);
    expect(site.admin).toMatchObject({ emailAddress: 'admin@simulator.invalid', siteAdmin: true });
    expect(sim.authorizationFor(site.admin.accountId)).toBe(
      `Basic ${Buffer.from('admin@simulator.invalid:admin-token').toString('base64')}`,
    );
  });
});
