/**
 * The standalone server's clock: `/__simulator/clock` moves the simulated time Jira stamps and JQL reads, only for a
 * site admin or the app, outside the contract check (no violation, no call counted, no fault injected).
 */
import { createJiraSimulator, createSimClient, type JiraSimulator } from '../../../simulator';
import { clockEndpoint } from '../../../simulator/server/clock-endpoint';
import { SimClock } from '../../../simulator/server/sim-clock';

describe('SimClock', () => {
  it('stands still at --now and moves only when told', () => {
    let real = Date.parse('2030-01-01T00:00:00Z');
    const clock = new SimClock('2026-11-21T09:00:00Z', () => real);
    real += 3_600_000;
    expect(clock.nowIso()).toBe('2026-11-21T09:00:00Z');
    clock.advance(1.5);
    expect(clock.nowIso()).toBe('2026-11-21T10:30:00Z');
    clock.set('2027-01-01T00:00:00+01:00');
    expect(clock.nowIso()).toBe('2026-12-31T23:00:00Z');
  });

  it('follows the real clock without --now, advanced by an offset', () => {
    let real = Date.parse('2030-01-01T00:00:00Z');
    const clock = new SimClock(undefined, () => real);
    clock.advance(24);
    real += 60_000;
    expect(clock.nowIso()).toBe('2030-01-02T00:01:00Z');
  });
});

describe('/__simulator/clock', () => {
  let sim: JiraSimulator;
  let clock: SimClock;

  beforeAll(async () => {
    clock = new SimClock('2026-11-21T09:00:00Z');
    sim = await createJiraSimulator({ now: () => clock.now(), control: clockEndpoint(clock) });
    sim.state.addUser({ accountId: 'admin', siteAdmin: true });
    sim.state.addUser({ accountId: 'ana' });
    sim.state.addProject({ key: 'SEC' });
  }, 60_000);
  afterAll(() => sim.close());

  const as = (accountId: string) =>
    createSimClient(sim.baseUrl, { authorization: sim.authorizationFor(accountId) });

  it('moves the time Jira stamps on new issues, and is no Jira traffic', async () => {
    // Every request fails by fault injection, except those that never reach the Jira pipeline.
    sim.faults.set({ rate5xx: 1, status5xx: 503, seed: 1 });
    sim.calls.reset();
    expect(await as('admin').get('/__simulator/clock')).toMatchObject({
      status: 200,
      body: { now: '2026-11-21T09:00:00Z' },
    });
    expect(await as('admin').post('/__simulator/clock', { advanceHours: 48 })).toMatchObject({
      status: 200,
      body: { now: '2026-11-23T09:00:00Z' },
    });
    expect(
      await createSimClient(sim.baseUrl, sim.appHeaders()).post('/__simulator/clock', {
        now: '2027-02-01T12:00:00Z',
      }),
    ).toMatchObject({ status: 200, body: { now: '2027-02-01T12:00:00Z' } });
    expect(sim.calls.total).toBe(0);
    expect(sim.faults.stats).toMatchObject({ serverErrors: 0 });
    sim.faults.set({});
    sim.assertNoContractViolations();

    const created = await as('ana').post('/rest/api/3/issue', {
      fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: 'after the move' },
    });
    expect(created.status).toBe(201);
    const { key } = created.body as { key: string };
    expect(sim.state.issue(key)?.created).toBe('2027-02-01T12:00:00.000Z');
    sim.assertNoContractViolations();
  });

  it.each([
    [{ advanceHours: -1 }, 'advanceHours: must be more than 0: the clock only moves forward this way'],
    [{ advanceHours: '24' }, 'advanceHours: must be a number of hours'],
    [{ advanceHours: 1e9 }, 'advanceHours: must be at most 87840 (ten years)'],
    [{ now: 'tomorrow' }, 'now: must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z'],
    [
      { now: '2026-11-21T09:00:00Z', advanceHours: 1 },
      'Send {"now": "2026-11-21T09:00:00Z"} or {"advanceHours": 24}.',
    ],
    [[1], 'Send {"now": "2026-11-21T09:00:00Z"} or {"advanceHours": 24}.'],
  ])('refuses %j with a message naming the member, not the value', async (body, message) => {
    const before = clock.nowIso();
    const response = await as('admin').post('/__simulator/clock', body);
    expect(response).toMatchObject({ status: 400, body: { errorMessages: [message] } });
    expect(clock.nowIso()).toBe(before);
  });

  it('is refused to anyone but a site admin or the app', async () => {
    const before = clock.nowIso();
    expect(await as('ana').post('/__simulator/clock', { advanceHours: 1 })).toMatchObject({
      status: 403,
      body: { errorMessages: ['Only a site admin may control the simulator.'] },
    });
    expect(
      await createSimClient(sim.baseUrl, {}).post('/__simulator/clock', { advanceHours: 1 }),
    ).toMatchObject({ status: 401 });
    expect(clock.nowIso()).toBe(before);
  });

  it('answers 404 for other control paths and 405 for other methods', async () => {
    expect(await as('admin').get('/__simulator/time')).toMatchObject({ status: 404 });
    expect(await as('admin').put('/__simulator/clock', { advanceHours: 1 })).toMatchObject({ status: 405 });
    sim.assertNoContractViolations();
  });
});
