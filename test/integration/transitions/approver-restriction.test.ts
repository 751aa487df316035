/**
 * Only approvers decide, enforced by Jira itself (issue 6 A2): setup puts the `system:restrict-issue-transition`
 * condition, with the ids of the policy's approver groups, on Request info, Approve and Reject. With the app's
 * own policy validator disabled on those transitions (as an admin's edit, or a validator that cannot run, would
 * leave them), a person outside the approver groups is still neither offered them nor able to make them by REST.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { JiraHttpError } from '../../../src/adapters/jira/jira-errors';
import { SITE_USERS } from '../../support/simulated-site';
import { EDR_GAP } from './scenarios';
import { exceptionSitePerTest } from './site-per-test';

jest.setTimeout(30_000);

const { requester, riskOwner, securityReviewer, ciso } = SITE_USERS;

const DECISIONS = ['Request info', 'Approve', 'Reject'];
const RESTRICT = 'system:restrict-issue-transition';

const site = exceptionSitePerTest();

const transitionsNamed = (names: readonly string[]) => {
  const workflow = site().sim.state.workflowByName(site().config.workflowName);
  return (workflow?.transitions ?? []).filter((transition) => names.includes(transition.name));
};

/** Disables the app's policy validator on the decisions: only Jira's own rules remain. */
const disableTheAppsValidator = (): void => {
  for (const transition of transitionsNamed(DECISIONS))
    for (const rule of transition.validators)
      if ((rule.parameters.key ?? '').endsWith('/exception-policy-validator'))
        rule.parameters.disabled = 'true';
};

const disableTheRestriction = (): void => {
  for (const transition of transitionsNamed(DECISIONS))
    for (const rule of transition.conditions?.conditions ?? [])
      if (rule.ruleKey === RESTRICT) rule.parameters.disabled = 'true';
};

/** The REST answer to `actor` making the transition by its id, without asking which are offered. */
const attempt = async (issueKey: string, name: string, actor: string): Promise<string[]> => {
  const id = transitionsNamed([name])[0]?.id;
  if (id === undefined) throw new Error(`no ${name} transition`);
  try {
    await site().site.asUser(actor).transitionIssue(issueKey, id, {});
  } catch (error) {
    if (error instanceof JiraHttpError) return [String(error.status), ...error.jiraMessages];
    throw error;
  }
  throw new Error(`${name} by ${actor} went through`);
};

describe('only approvers decide, enforced by Jira', () => {
  it('offers the decisions to no one outside the approver groups, and refuses them by REST', async () => {
    // Without controls the exception goes to review.
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    expect(site().statusOf(key)).toBe('Risk Review');
    disableTheAppsValidator();

    for (const outsider of [riskOwner, requester]) {
      expect(await site().offered(key, outsider)).toEqual([]);
      for (const name of DECISIONS) {
        const id = transitionsNamed([name])[0]?.id ?? '';
        expect(await attempt(key, name, outsider)).toEqual([
          '400',
          `Transition id '${id}' is not valid for this issue.`,
        ]);
      }
    }
    expect(site().statusOf(key)).toBe('Risk Review');
    expect(site().statusChanges(key)).toEqual(['Submitted → Risk Review']);

    // Approvers of every tier are offered them (the app's validator, when it runs, checks the tier's group).
    expect(await site().offered(key, securityReviewer)).toEqual(DECISIONS);
    expect(await site().offered(key, ciso)).toEqual(DECISIONS);
  });

  it('is what stops them: without it, the risk owner is offered every decision', async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    disableTheAppsValidator();
    disableTheRestriction();
    expect(await site().offered(key, riskOwner)).toEqual(DECISIONS);
  });

  it('leaves Recertify to the risk owner (DESIGN §3) and the app its own transitions', async () => {
    const key = await site().raise(EDR_GAP);
    // Triage made Auto-approve as the app: not restricted.
    expect(site().statusOf(key)).toBe('Approved');
    await site().transition(key, 'Start recertification', riskOwner);
    expect(await site().offered(key, riskOwner)).toContain('Recertify');
    expect(
      transitionsNamed(['Recertify', 'Revert', 'Retire', 'Start recertification', 'Auto-approve', 'Triage'])
        .flatMap((transition) => transition.conditions?.conditions ?? [])
        .filter((rule) => rule.ruleKey === RESTRICT),
    ).toEqual([]);
  });
});
