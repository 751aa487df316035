/** getSweepStatus through the simulator with the REAL handlers: the hourly sweep's summary, as the admin page reads it. */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import * as handlers from '../../../src/index';
import { GetSweepStatusResponseSchema } from '../../../src/contracts/admin-sweeps';
import { SITE_USERS } from '../../support/simulated-site';
import { invokeAdminResolver as invoke } from './exception-harness';
import { exceptionSitePerTest } from './site-per-test';

jest.setTimeout(60_000);

const site = exceptionSitePerTest();
const { requester, jiraAdmin } = SITE_USERS;

describe('getSweepStatus through the simulator', () => {
  it('answers the last sweeps to an admin and refuses anyone else', async () => {
    site();
    expect(GetSweepStatusResponseSchema.parse(await invoke('getSweepStatus', {}, jiraAdmin))).toEqual({
      ok: true,
      sweeps: [],
    });

    await handlers.lifecycleSweep();
    await handlers.lifecycleSweep();

    const answer = GetSweepStatusResponseSchema.parse(
      await invoke('getSweepStatus', { limit: 1 }, jiraAdmin),
    );
    if (!answer.ok) throw new Error('the admin was refused');
    expect(answer.sweeps).toHaveLength(1);
    expect(answer.sweeps[0]).toMatchObject({
      outcome: 'swept',
      failedCount: 0,
      failed: [],
      continued: false,
    });

    expect(await invoke('getSweepStatus', {}, requester)).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message:
          'Only Jira administrators can see the lifecycle sweeps. Nothing was changed; ask a Jira admin if the policy needs to change.',
      },
    });
    expect(await invoke('getSweepStatus', { limit: 21 }, jiraAdmin)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
