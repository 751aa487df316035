/**
 * The Findings rules as Jira's workflow runs them (ISSUE 10 item 1): a Vulnerability patch delay cannot be triaged
 * without findings, and a bad line is named by number, through the real validator on the simulated site.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { SITE_USERS } from '../../support/simulated-site';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';

jest.setTimeout(60_000);

const { requester, securityReviewer } = SITE_USERS;
const site = exceptionSitePerTest();

const PATCH_DELAY = { ...EDR_GAP, type: 'Vulnerability patch delay' };
const REQUIRED =
  'Findings is required for Vulnerability patch delay: list each vulnerability this exception covers, one a line, e.g. CVE-2024-1234 pkg:npm/lodash@4.17.20.';

describe('Findings on a Vulnerability patch delay', () => {
  it('is required to triage, each bad line is named, and a good list lets it through', async () => {
    const key = await site().raise(PATCH_DELAY);
    expect(site().statusOf(key)).toBe('Submitted');
    expect(await site().refusal(key, 'Triage', securityReviewer)).toEqual([REQUIRED]);

    await site().edit(key, requester, {
      findings: ['CVE-2024-1234 pkg:npm/lodash@4.17.20', 'lodash is vulnerable'],
    });
    expect(await site().refusal(key, 'Triage', securityReviewer)).toEqual([
      'Findings line 2: "lodash" is not a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746. Write one finding a line: an id, then optionally a purl or a path.',
    ]);

    await site().edit(key, requester, { findings: ['CVE-2024-1234 pkg:npm/lodash@4.17.20'] });
    await site().transition(key, 'Triage', securityReviewer);
    expect(site().statusOf(key)).toBe('Risk Review');
  });
});
