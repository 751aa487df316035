/**
 * Segregation of duties enforced by Jira itself (issue 6 A2): setup puts the `not-the-requester` expression
 * condition AND the `requester-cannot-decide` expression validator on Approve and Recertify. The condition hides
 * the transition from the requester; the validator refuses it even where the condition is gone and the app's own
 * validator lets it through (here: both disabled on the stored workflow, as an admin's edit or an app validator
 * that cannot learn the actor would leave them), so no app code is needed for the requester to be refused.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { SITE_USERS } from '../../support/simulated-site';
import { EDR_GAP } from './scenarios';
import { exceptionSitePerTest } from './site-per-test';

jest.setTimeout(30_000);

const { securityReviewer, ciso } = SITE_USERS;

const REQUESTER_REFUSED =
  'Segregation of duties: the requester cannot approve or recertify their own exception. Ask another approver.';

const site = exceptionSitePerTest();

/** Disables, on the named transition of the stored workflow, the app's condition and its policy validator. */
const leaveOnlyTheExpressionValidator = (transitionName: string): void => {
  const workflow = site().sim.state.workflowByName(site().config.workflowName);
  const transition = workflow?.transitions.find((candidate) => candidate.name === transitionName);
  if (transition === undefined) throw new Error(`no ${transitionName} transition`);
  for (const rule of [...(transition.conditions?.conditions ?? []), ...transition.validators]) {
    if (!(rule.parameters.key ?? '').endsWith('/requester-cannot-decide')) rule.parameters.disabled = 'true';
  }
};

describe('the requester cannot decide, enforced by Jira', () => {
  it('hides Approve from the requester, and refuses it by expression when nothing else stops it', async () => {
    // A reviewer raises an exception of their own: without controls it goes to review.
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' }, securityReviewer);
    expect(site().statusOf(key)).toBe('Risk Review');
    expect(await site().offered(key, securityReviewer)).not.toContain('Approve');
    expect(await site().offered(key, ciso)).toContain('Approve');

    leaveOnlyTheExpressionValidator('Approve');
    expect(await site().offered(key, securityReviewer)).toContain('Approve');
    expect(
      await site().refusal(key, 'Approve', securityReviewer, {
        riskRating: 'Low',
        compensatingControls: 'x',
      }),
    ).toEqual([REQUESTER_REFUSED]);
    expect(site().statusOf(key)).toBe('Risk Review');
  });

  it('hides Recertify from the requester, and refuses it by expression when nothing else stops it', async () => {
    const key = await site().raise(EDR_GAP, securityReviewer);
    expect(site().statusOf(key)).toBe('Approved');
    await site().transition(key, 'Start recertification', securityReviewer);
    expect(site().statusOf(key)).toBe('Recertification');
    expect(await site().offered(key, securityReviewer)).not.toContain('Recertify');

    leaveOnlyTheExpressionValidator('Recertify');
    expect(await site().refusal(key, 'Recertify', securityReviewer)).toEqual([REQUESTER_REFUSED]);
    expect(site().statusOf(key)).toBe('Recertification');
  });
});
