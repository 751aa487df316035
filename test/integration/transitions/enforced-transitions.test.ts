/**
 * Enforced transitions through the contract-checked simulator with the REAL handlers: the workflow setup made,
 * the app's validator and post function as Jira calls them, triage on create.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import {
  highRiskNeedsEverything,
  incompleteRequestIsToldOnce,
  lowRiskIsAutoApproved,
  recertificationNeedsChecklistAndFreshJustification,
  requesterCannotApprove,
} from './scenarios';
import { exceptionSitePerTest } from './site-per-test';

jest.setTimeout(30_000);

const site = exceptionSitePerTest();

describe('enforced transitions through the simulator', () => {
  it('auto-approves a Low-risk request with controls, with the right history and nextActionAt', async () => {
    await lowRiskIsAutoApproved(site());
  });

  it('leaves an incomplete request in Submitted and tells the requester once what is missing', async () => {
    await incompleteRequestIsToldOnce(site());
  });

  it('refuses High-risk approval until C-level, controls, expiry within the cap and evidence, listing each', async () => {
    await highRiskNeedsEverything(site());
  });

  it('does not let the requester approve their own exception', async () => {
    await requesterCannotApprove(site());
  });

  it('refuses Recertify without all three checklist answers or a fresh justification', async () => {
    await recertificationNeedsChecklistAndFreshJustification(site());
  });
});
