/**
 * ISSUE6 B10 through the simulator with the REAL admin resolver: the admin check runs before any payload is
 * examined (a non-admin learns nothing from a malformed payload), and the answers to an admin's malformed payload
 * are bounded, name fields and never echo what was sent.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { MAX_MESSAGE_LENGTH } from '../../../src/entry/request-problems';
import { SITE_USERS } from '../../support/simulated-site';
import { invokeAdminResolver as invoke } from './exception-harness';
import { exceptionSitePerTest } from './site-per-test';

jest.setTimeout(30_000);

exceptionSitePerTest();
const { requester, jiraAdmin } = SITE_USERS;

const SECRET = 'hunter2-TENANT-VALUE';
const HUGE = 'x'.repeat(100_000);

const MALFORMED: readonly [string, string, unknown][] = [
  ['savePolicy', 'change the security exception policy', { policy: {}, baseVersion: SECRET }],
  ['savePolicy', 'change the security exception policy', 'not an object'],
  ['validatePolicy', 'check a security exception policy', []],
  ['validatePolicy', 'check a security exception policy', { [SECRET]: HUGE }],
];

describe('admin resolvers and malformed payloads (through the simulator)', () => {
  it.each(MALFORMED)('%s refuses a non-admin before reading the payload', async (name, what, payload) => {
    expect(await invoke(name, payload, requester)).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message: `Only Jira administrators can ${what}. Nothing was changed; ask a Jira admin if the policy needs to change.`,
      },
    });
  });

  it.each([
    [
      'getSetupStatus',
      { projectKey: 12 },
      'Only a Jira administrator can see the setup status. Nothing was changed.',
    ],
    [
      'runSetup',
      { projectKey: SECRET, adoptFields: { [SECRET]: 1 } },
      'Only a Jira administrator can run setup. Nothing was changed.',
    ],
    ['runSetup', 'garbage', 'Only a Jira administrator can run setup. Nothing was changed.'],
  ])('%s refuses a non-admin before reading the payload', async (name, payload, message) => {
    expect(await invoke(name, payload, requester)).toEqual({
      ok: false,
      error: { code: 'not-admin', message },
    });
  });

  it.each<[string, unknown, string]>([
    [
      'savePolicy',
      { policy: {}, baseVersion: SECRET },
      'The admin page sent a request the app does not understand (baseVersion: Invalid input: expected number, received string). Nothing was changed; reload the page.',
    ],
    [
      'validatePolicy',
      [],
      'The admin page sent a request the app does not understand (payload: Invalid input: expected object, received array). Nothing was changed; reload the page.',
    ],
  ])(
    '%s answers an admin’s unreadable payload naming the field, not the value',
    async (name, payload, message) => {
      expect(await invoke(name, payload, jiraAdmin)).toEqual({
        ok: false,
        error: { code: 'invalid-request', message },
      });
    },
  );

  it('keeps every answer to a hostile payload bounded, quoting nothing that was sent', async () => {
    const hostile = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [`${SECRET}-${index}-${HUGE.slice(0, 500)}`, HUGE]),
    );
    for (const name of ['savePolicy', 'validatePolicy', 'getSetupStatus', 'runSetup']) {
      const answer = JSON.stringify(await invoke(name, { ...hostile, policy: hostile }, jiraAdmin));
      expect(answer.length).toBeLessThan(MAX_MESSAGE_LENGTH * 12);
      expect(answer).not.toContain(SECRET);
      expect(answer).not.toContain('xxxxxxxxxx');
    }
  });
});
