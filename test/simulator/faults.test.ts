import { createJiraSimulator, type JiraSimulator } from '../../simulator';
import { adf, appClient, startSeededSimulator } from './simulator-fixture';

const statusesOf = async (sim: JiraSimulator, count: number): Promise<number[]> => {
  const client = appClient(sim);
  const statuses: number[] = [];
  for (let call = 0; call < count; call += 1) statuses.push((await client.get('/rest/api/3/myself')).status);
  return statuses;
};

const tally = (statuses: readonly number[]): Record<number, number> =>
  statuses.reduce<Record<number, number>>(
    (counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
    {},
  );

describe('fault injection', () => {
  let sim: JiraSimulator;

  beforeEach(async () => {
    sim = await startSeededSimulator();
    sim.state.addIssue({ project: 'OPS', summary: 'Patch the proxy' });
  });

  afterEach(async () => {
    sim.assertNoContractViolations();
    await sim.close();
  });

  it('injects 429 and 5xx at the configured rates, the same way for the same seed', async () => {
    sim.faults.set({ rate429: 0.2, rate5xx: 0.1, seed: 42 });
    const first = await statusesOf(sim, 200);
    sim.faults.set({ rate429: 0.2, rate5xx: 0.1, seed: 42 });
    const second = await statusesOf(sim, 200);
    sim.faults.set({ rate429: 0.2, rate5xx: 0.1, seed: 7 });
    const otherSeed = await statusesOf(sim, 200);

    expect(tally(first)).toEqual({ 200: 138, 429: 39, 503: 23 });
    expect(second).toEqual(first);
    expect(otherSeed).not.toEqual(first);
    expect(sim.faults.stats).toEqual({
      delayed: 0,
      rateLimited: tally(otherSeed)[429],
      serverErrors: tally(otherSeed)[503],
      dropped: 0,
      hung: 0,
    });
  });

  it('answers 429 with Retry-After and RateLimit-Reason, before the write takes effect', async () => {
    sim.faults.set({ rate429: 1, retryAfterSeconds: 7, rateLimitReason: 'jira-quota-tenant-based' });

    const response = await appClient(sim).put(
      '/rest/api/3/issue/OPS-1/properties/security-exception-lifecycle',
      { v: 1 },
    );

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
    expect(sim.state.issue('OPS-1')?.properties.has('security-exception-lifecycle')).toBe(false);
  });

  it('does not apply a write answered with an injected 5xx', async () => {
    sim.faults.set({ rate5xx: 1, status5xx: 502, only: ['POST /rest/api/3/issue/{issueIdOrKey}/comment'] });

    const comment = await appClient(sim).post('/rest/api/3/issue/OPS-1/comment', { body: adf('Reminder') });
    const read = await appClient(sim).get('/rest/api/3/issue/OPS-1');

    expect([comment.status, read.status]).toEqual([502, 200]);
    expect(sim.state.issue('OPS-1')?.comments).toEqual([]);
  });

  it('drops the connection without creating the issue', async () => {
    sim.faults.set({ rateDrop: 1, only: ['createIssue'] });
    const before = sim.state.issues.size;

    await expect(
      appClient(sim).post('/rest/api/3/issue', {
        fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Lost' },
      }),
    ).rejects.toThrow('fetch failed');
    expect(sim.state.issues.size).toBe(before);
    expect(sim.faults.stats.dropped).toBe(1);
  });

  it('leaves a hung request unanswered until the client gives up', async () => {
    sim.faults.set({ rateHang: 1 });

    await expect(
      fetch(`${sim.baseUrl}/rest/api/3/myself`, {
        headers: sim.appHeaders(),
        signal: AbortSignal.timeout(150),
      }),
    ).rejects.toThrow('The operation was aborted due to timeout');
    expect(sim.faults.stats.hung).toBe(1);
  });

  it('delays requests by the configured latency', async () => {
    sim.faults.set({ latencyMs: [80, 80] });
    const started = performance.now();

    const response = await appClient(sim).get('/rest/api/3/myself');

    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    expect(sim.faults.stats.delayed).toBe(1);
  });
});

describe('call counting', () => {
  it('counts calls per method and path template, with a total, until reset', async () => {
    const sim = await createJiraSimulator();
    sim.state.addProject({ key: 'OPS' });
    sim.state.addIssue({ project: 'OPS', summary: 'One' });
    sim.state.addIssue({ project: 'OPS', summary: 'Two' });
    try {
      const client = appClient(sim);
      await client.get('/rest/api/3/issue/OPS-1');
      await client.get('/rest/api/3/issue/OPS-2');
      await client.post('/rest/api/3/search/jql', { jql: 'project = OPS' });
      await client.get('/rest/api/3/not-in-the-document');

      expect(sim.calls.snapshot()).toEqual({
        'GET /rest/api/3/issue/{issueIdOrKey}': 2,
        'GET /rest/api/3/not-in-the-document': 1,
        'POST /rest/api/3/search/jql': 1,
      });
      expect(sim.calls.total).toBe(4);
      expect(sim.calls.count('GET /rest/api/3/issue/{issueIdOrKey}')).toBe(2);

      sim.calls.reset();
      await client.get('/rest/api/3/issue/OPS-1');
      expect(sim.calls.snapshot()).toEqual({ 'GET /rest/api/3/issue/{issueIdOrKey}': 1 });
      expect(sim.calls.total).toBe(1);
    } finally {
      await sim.close();
    }
  });
});
