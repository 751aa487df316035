/**
 * The app end to end under every variant of the platform that Atlassian's documents leave open (FORGE_NOTES §16,
 * ISSUE 6 A): the simulator produces each one (simulator/workflow/platform-habits.ts) and the same scenarios, with
 * the REAL handlers, must end in the same state. A variant the app did not tolerate would lose a lifecycle entry,
 * refuse a rightful approver or let a transition through unchecked.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import type { PlatformHabitOptions } from '../../../simulator';
import { UNKNOWN_ACTOR_MESSAGE } from '../../../src/domain/rules/actor';
import { SITE_USERS } from '../../support/simulated-site';
import {
  EDR_GAP,
  highRiskNeedsEverything,
  lowRiskIsAutoApproved,
  recertificationNeedsChecklistAndFreshJustification,
} from './scenarios';
import { exceptionSitePerTest } from './site-per-test';

jest.setTimeout(60_000);

const VARIANTS: readonly (readonly [string, PlatformHabitOptions])[] = [
  [
    'post-function transition as from_status / to_status / transitionName',
    { postFunctionTransitionShape: 'flat' },
  ],
  ['no executionId on REST-fired transitions', { restExecutionId: 'absent' }],
  ['configuration delivered as JSON text', { configurationAs: 'string' }],
  ['modifiedFields at the payload’s top level', { modifiedFieldsPlacement: 'topLevel' }],
  [
    'every post function and trigger delivered twice',
    { duplicateDelivery: { probability: 1, delayMs: 20, seed: 1 } },
  ],
  [
    'all of them at once',
    {
      postFunctionTransitionShape: 'flat',
      restExecutionId: 'absent',
      configurationAs: 'string',
      modifiedFieldsPlacement: 'topLevel',
      duplicateDelivery: { probability: 1, delayMs: 20, seed: 2 },
    },
  ],
];

describe.each(VARIANTS)('under the variant: %s', (_name, habits) => {
  const site = exceptionSitePerTest({ afterStart: (started) => Object.assign(started.sim.habits, habits) });

  it('auto-approves a Low-risk request with controls, recording it once', async () => {
    await lowRiskIsAutoApproved(site());
  });

  it('refuses High-risk approval until everything is there, then records the approval once', async () => {
    await highRiskNeedsEverything(site());
  });

  it('recertifies only with the checklist and a fresh justification', async () => {
    await recertificationNeedsChecklistAndFreshJustification(site());
  });
});

describe('when the validator is told nobody is acting (context.principal absent, nothing else names the actor)', () => {
  const site = exceptionSitePerTest({
    afterStart: (started) => Object.assign(started.sim.habits, { validatorPrincipal: 'absent' }),
  });

  it('still auto-approves (the app’s own intent, not the principal, proves it is the app)', async () => {
    await lowRiskIsAutoApproved(site());
  });

  it('refuses a human decision, failing closed, and records nothing', async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    expect(site().statusOf(key)).toBe('Risk Review');
    const messages = await site().refusal(key, 'Reject', SITE_USERS.securityReviewer, {
      decisionReason: 'Not acceptable without a compensating control.',
    });
    expect(messages).toContain(UNKNOWN_ACTOR_MESSAGE);
    expect(site().statusOf(key)).toBe('Risk Review');
    expect((await site().lifecycle(key)).history.map((entry) => entry.action)).toEqual([
      'submitted',
      'triaged',
    ]);
  });
});
