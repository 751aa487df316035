/**
 * The one Forge runtime over the simulator, as a plain Node process (the sandbox) uses it: runAs keeps each
 * invocation's person to itself even when two run at once, getAppContext() answers the invocation's remaining time
 * inside runAs and is the real (throwing) one outside it, and a queue push reaches onPush.
 */
import { route } from '@forge/api';
import { createJiraSimulator, type JiraSimulator } from '../../../simulator';
import {
  createForgeRuntime,
  forgeApiOver,
  forgeEventsOver,
} from '../../../simulator/forge-runtime/forge-runtime';

interface ApiOnSimulator {
  asUser(): { requestJira(path: ReturnType<typeof route>): Promise<Response> };
  getAppContext(): { invocationRemainingTimeInMillis(): number };
}

let sim: JiraSimulator;
const runtime = createForgeRuntime();
const api = forgeApiOver(jest.requireActual('@forge/api'), runtime) as unknown as ApiOnSimulator;

beforeAll(async () => {
  sim = await createJiraSimulator();
  sim.state.addUser({ accountId: 'alice', displayName: 'Alice' });
  sim.state.addUser({ accountId: 'bob', displayName: 'Bob' });
  runtime.sim = sim;
});
afterAll(() => sim.close());

const myself = async (): Promise<string> => {
  const response = await api.asUser().requestJira(route`/rest/api/3/myself`);
  return ((await response.json()) as { accountId: string }).accountId;
};

describe('the Forge runtime over the simulator', () => {
  it('acts for the person of each runAs, even with two invocations in flight at once', async () => {
    const answers = await Promise.all([
      runtime.runAs('alice', async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return myself();
      }),
      runtime.runAs('bob', myself),
    ]);
    expect(answers).toEqual(['alice', 'bob']);
    await expect(runtime.runAs(undefined, myself)).rejects.toThrow(
      'asUser() outside a user context: set forgeRuntime.actingUser',
    );
  });

  it("answers the invocation's remaining time inside runAs, and Forge's own error outside one", async () => {
    const remaining = await runtime.runAs(
      'alice',
      () => Promise.resolve(api.getAppContext().invocationRemainingTimeInMillis()),
      300,
    );
    expect(remaining).toBeGreaterThan(299_000);
    expect(remaining).toBeLessThanOrEqual(300_000);
    expect(() => api.getAppContext()).toThrow();
  });

  it('hands every push of the real Queue to onPush', async () => {
    const { Queue } = forgeEventsOver(jest.requireActual('@forge/events'), runtime) as {
      Queue: new (params: { key: string }) => { push(events: unknown[]): Promise<unknown> };
    };
    const seen: unknown[] = [];
    runtime.onPush = (push) => seen.push(push);
    await new Queue({ key: 'lifecycle-actions' }).push([
      { body: { kind: 'continue-sweep' }, delayInSeconds: 5 },
    ]);
    expect(seen).toEqual([
      { queueName: 'lifecycle-actions', events: [{ body: { kind: 'continue-sweep' }, delayInSeconds: 5 }] },
    ]);
  });
});
