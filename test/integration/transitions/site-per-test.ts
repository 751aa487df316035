/**
 * A fresh simulated site for every test of a file, torn down after it with the contract checked. Each function
 * registers the file's beforeEach/afterEach and answers the current test's site.
 */
import type { SimulatedSite } from '../../support/simulated-site';
import {
  assertCleanRun,
  startExceptionSite,
  startSiteWithApp,
  type ExceptionSite,
} from './exception-harness';

const current = <T>(site: T | undefined): T => {
  if (site === undefined) throw new Error('the site is started in beforeEach: use it inside a test');
  return site;
};

export interface ExceptionSiteHooks {
  /** Once the site is set up, before the test (e.g. to inject faults). */
  readonly afterStart?: (site: ExceptionSite) => void;
  /** After the clean-run check, passed or not, before the site closes (e.g. to read its fault counts). */
  readonly beforeClose?: (site: ExceptionSite) => void;
}

/**
 * The site set up for security exceptions (exception-harness), the handlers' console.info silenced; after each
 * test, no contract violation and no failed hook.
 */
export const exceptionSitePerTest = (hooks: ExceptionSiteHooks = {}): (() => ExceptionSite) => {
  let site: ExceptionSite | undefined;
  beforeEach(async () => {
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    site = await startExceptionSite();
    hooks.afterStart?.(site);
  });
  afterEach(async () => {
    const ending = current(site);
    try {
      assertCleanRun(ending);
    } finally {
      hooks.beforeClose?.(ending);
      await ending.close();
      jest.restoreAllMocks();
    }
  });
  return () => current(site);
};

/** The site with the app installed and nothing set up; after each test, no contract violation. */
export const siteWithAppPerTest = (): (() => SimulatedSite) => {
  let site: SimulatedSite | undefined;
  beforeEach(async () => {
    site = await startSiteWithApp();
  });
  afterEach(async () => {
    const ending = current(site);
    try {
      ending.sim.assertNoContractViolations();
    } finally {
      await ending.close();
    }
  });
  return () => current(site);
};
