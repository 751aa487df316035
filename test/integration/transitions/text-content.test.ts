/**
 * ISSUE6 B5 through the contract-checked simulator with the REAL handlers: text that looks filled but holds no
 * letter or digit (invisible characters, punctuation padding, "n/a") neither auto-approves nor passes Approve.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { SITE_USERS } from '../../support/simulated-site';
import { EDR_GAP } from './scenarios';
import { exceptionSitePerTest } from './site-per-test';

jest.setTimeout(30_000);

const site = exceptionSitePerTest();
const { securityReviewer } = SITE_USERS;

const DOES_NOT_COUNT =
  'Spaces, punctuation, invisible characters and placeholders such as "n/a" do not count.';

describe('required text must carry content (through the simulator)', () => {
  it.each([
    ['zero-width and bidi characters', '\u200B\u200C\u200D\u2060\uFEFF\u202E\u00AD'],
    ['punctuation padding', '........ - - -'],
    ['a placeholder', 'N/A'],
  ])('does not auto-approve with controls of %s, and Approve refuses them', async (_case, padding) => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: padding });
    expect(site().statusOf(key)).toBe('Risk Review');

    // Business Justification is not on the Approve screen: the requester edits it while the issue is in review.
    await site().edit(key, SITE_USERS.requester, {
      justification: `${'\u200B'.repeat(60)}Too short.${'.'.repeat(40)}`,
    });
    expect(await site().refusal(key, 'Approve', securityReviewer, { riskRating: 'Medium' })).toEqual([
      [
        'Business Justification is too short: 8 letters or digits, the policy asks for at least 40. Explain the need and the business impact; spaces, punctuation and invisible characters do not count.',
        `Compensating Controls is required for Medium risk: describe what limits the exposure (for example IP allow-listing and daily log review). ${DOES_NOT_COUNT}`,
      ].join('\n'),
    ]);
    expect(site().statusChanges(key)).toEqual(['Submitted → Risk Review']);
  });
});
