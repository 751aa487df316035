/**
 * Setup restricts Approve, Reject and Request info to the policy's approver groups with Jira's own condition
 * `system:restrict-issue-transition` (ISSUE6 A2), naming the groups by the ids `GET /group/bulk` gives; a group
 * that does not exist is reported, a restriction to no group is never wired, and setup status reports when the
 * policy's groups and the restricted ones differ.
 */
import { CURRENT_POLICY_KEY, policyVersionKey } from '../../../src/application/policy/policy-store';
import { provisionProject } from '../../../src/application/setup/provision-project';
import { readSetupStatus } from '../../../src/application/setup/setup-status';
import { SITE_CONFIG_KEY, SiteConfigSchema } from '../../../src/application/site-config';
import { defaultPolicy, type Policy } from '../../../src/domain/policy-schema';
import type { SimClient } from '../../../simulator';
import { APPROVER_GROUP_IDS, setupSitePerTest, startSetupSite, type SetupSite } from './setup-site';

jest.setTimeout(30_000);

const WORKFLOW = 'Security Exception Workflow';
const RESTRICT = 'system:restrict-issue-transition';

interface RawRule {
  ruleKey: string;
  parameters: Record<string, string>;
}
interface RawWorkflows {
  workflows: {
    name: string;
    transitions: { name: string; conditions?: { conditions?: RawRule[] } | null }[];
  }[];
}

/** Transition name → the `groupIds` of its restriction, for the transitions that have one (read back as Ada). */
const restrictions = async (ada: SimClient): Promise<Record<string, string>> => {
  const read = await ada.post<RawWorkflows>('/rest/api/3/workflows', { workflowNames: [WORKFLOW] });
  const workflow = read.body.workflows.find((candidate) => candidate.name === WORKFLOW);
  return Object.fromEntries(
    (workflow?.transitions ?? []).flatMap((transition) =>
      (transition.conditions?.conditions ?? [])
        .filter((rule) => rule.ruleKey === RESTRICT)
        .map((rule) => [transition.name, rule.parameters.groupIds ?? '']),
    ),
  );
};

const storedConfig = (site: SetupSite) => site.store.get(SITE_CONFIG_KEY, SiteConfigSchema);

/** Stores `policy` as the one in force, as a save would. */
const putPolicy = async (site: SetupSite, policy: Policy): Promise<void> => {
  await site.store.set(policyVersionKey(policy.version), policy);
  await site.store.set(CURRENT_POLICY_KEY, { version: policy.version });
};

const withGroups = (policy: Policy, low: string[], high: string[]): Policy => ({
  ...policy,
  version: policy.version + 1,
  tiers: {
    Low: { ...policy.tiers.Low, approverGroups: low },
    Medium: { ...policy.tiers.Medium, approverGroups: low },
    High: { ...policy.tiers.High, approverGroups: high },
    Critical: { ...policy.tiers.Critical, approverGroups: high },
  },
});

const BOTH = `${APPROVER_GROUP_IDS['security-reviewers']},${APPROVER_GROUP_IDS['c-level']}`;

const closing: SetupSite[] = [];
afterEach(async () => {
  for (const site of closing.splice(0)) {
    try {
      site.sim.assertNoContractViolations();
    } finally {
      await site.sim.close();
    }
  }
});

/** A site whose groups are only those named (name → id). */
const siteWith = async (groups: Record<string, string>): Promise<SetupSite> => {
  const site = await startSetupSite({ groups });
  closing.push(site);
  return site;
};

describe('with every approver group in Jira', () => {
  const site = setupSitePerTest();

  test('Request info, Approve and Reject are restricted to all tiers’ approver groups by id; nothing else is', async () => {
    const report = await provisionProject(site().deps, { projectKey: 'SEC' });
    expect(report.problems).toBeUndefined();
    expect(await restrictions(site().ada)).toEqual({ 'Request info': BOTH, Approve: BOTH, Reject: BOTH });
    expect((await storedConfig(site()))?.approverGroups).toEqual([
      { groupId: APPROVER_GROUP_IDS['security-reviewers'], name: 'security-reviewers' },
      { groupId: APPROVER_GROUP_IDS['c-level'], name: 'c-level' },
    ]);
    expect(site().sim.calls.snapshot()['GET /rest/api/3/group/bulk']).toBe(2);
  });

  test('the groups of the policy in force are the ones restricted, each once', async () => {
    site().sim.state.addGroup({ name: 'risk-committee', groupId: 'f00d0000-0000-4000-8000-00000000c0de' });
    await putPolicy(site(), withGroups(defaultPolicy(), ['risk-committee', 'c-level'], ['c-level']));
    await provisionProject(site().deps, { projectKey: 'SEC' });
    const ids = `f00d0000-0000-4000-8000-00000000c0de,${APPROVER_GROUP_IDS['c-level']}`;
    expect(await restrictions(site().ada)).toEqual({ 'Request info': ids, Approve: ids, Reject: ids });
  });

  test('setup status reports a policy whose approver groups now differ from the restricted ones', async () => {
    await provisionProject(site().deps, { projectKey: 'SEC' });
    site().sim.state.addGroup({ name: 'risk-committee', groupId: 'f00d0000-0000-4000-8000-00000000c0de' });
    await putPolicy(site(), withGroups(defaultPolicy(), ['security-reviewers'], ['risk-committee']));
    const status = await readSetupStatus(site().deps);
    expect(status.ready).toBe(false);
    expect(status.missing).toEqual([
      `The policy's approver group "risk-committee" is not in the "Restrict issue transition" condition of Request info, Approve and Reject in workflow "${WORKFLOW}", so Jira does not offer its members those transitions: add it there in Jira's workflow editor (setup does not change an existing workflow), then run setup again.`,
      `The "Restrict issue transition" condition of Request info, Approve and Reject in workflow "${WORKFLOW}" still admits the group "c-level", which the policy no longer names (the app's validator refuses its members): remove it there in Jira's workflow editor (setup does not change an existing workflow), then run setup again.`,
    ]);
    // Setup run again changes no workflow and reports the same, until the admin edits the condition.
    const again = await provisionProject(site().deps, { projectKey: 'SEC' });
    expect(again.problems).toEqual(status.missing);
    expect(await restrictions(site().ada)).toEqual({ 'Request info': BOTH, Approve: BOTH, Reject: BOTH });
  });

  test('a site configuration stored before setup recorded the groups is reported, and the next run records them', async () => {
    await provisionProject(site().deps, { projectKey: 'SEC' });
    const config = await storedConfig(site());
    if (config === undefined) throw new Error('no site configuration');
    await site().store.set(SITE_CONFIG_KEY, { ...config, approverGroups: undefined });
    expect((await readSetupStatus(site().deps)).missing).toEqual([
      `the approver groups workflow "${WORKFLOW}" is restricted to (not recorded by the setup that ran): run setup again`,
    ]);
    await provisionProject(site().deps, { projectKey: 'SEC' });
    expect(await storedConfig(site())).toEqual(config);
    expect((await readSetupStatus(site().deps)).ready).toBe(true);
  });
});

describe('with approver groups missing from Jira', () => {
  test('a missing group is reported by name with what to do, and the others are restricted', async () => {
    const site = await siteWith({ 'security-reviewers': APPROVER_GROUP_IDS['security-reviewers'] });
    const report = await provisionProject(site.deps, { projectKey: 'SEC' });
    expect(report.problems).toEqual([
      `The policy's approver group "c-level" does not exist in Jira: create the group and add it to the "Restrict issue transition" condition of Request info, Approve and Reject in workflow "${WORKFLOW}" in Jira's workflow editor (setup does not change an existing workflow), then run setup again; or correct the policy's approver groups.`,
    ]);
    const reviewers = APPROVER_GROUP_IDS['security-reviewers'];
    expect(await restrictions(site.ada)).toEqual({
      'Request info': reviewers,
      Approve: reviewers,
      Reject: reviewers,
    });
    expect((await readSetupStatus(site.deps)).missing).toEqual(report.problems);
  });

  test('with none of them in Jira, no restriction is wired (it would lock everyone out), and that is reported', async () => {
    const site = await siteWith({});
    const report = await provisionProject(site.deps, { projectKey: 'SEC' });
    expect(report.problems).toEqual([
      `The policy's approver group "security-reviewers" does not exist in Jira: create the group, or correct the policy's approver groups.`,
      `The policy's approver group "c-level" does not exist in Jira: create the group, or correct the policy's approver groups.`,
      `Jira itself does not restrict Request info, Approve and Reject to the approver groups (none exists, and a restriction to no group would let no one decide); the app's validator still refuses anyone else. Add a "Restrict issue transition" condition for them to those transitions of workflow "${WORKFLOW}" in Jira's workflow editor (setup does not change an existing workflow), then run setup again.`,
    ]);
    expect(await restrictions(site.ada)).toEqual({});
    expect((await storedConfig(site))?.approverGroups).toEqual([]);
    const status = await readSetupStatus(site.deps);
    expect(status.ready).toBe(false);
    expect(status.missing).toEqual(report.problems);
  });
});
