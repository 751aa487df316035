/** The admin page's policy resolvers through the simulator, with the REAL handlers (see exception-harness.ts). */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { adminSavesAVersionThatIsEnforced, nonAdminIsRefusedAndNothingChanges } from './policy-scenarios';
import { exceptionSitePerTest } from './site-per-test';

jest.setTimeout(30_000);

const site = exceptionSitePerTest();

describe('policy resolvers through the simulator', () => {
  it('refuse a caller who is not a Jira admin, and nothing changes', async () => {
    await nonAdminIsRefusedAndNothingChanges(site());
  });

  it('let an admin save a new version, refuse a stale save, and the workflow enforces the new version', async () => {
    await adminSavesAVersionThatIsEnforced(site());
  });
});
