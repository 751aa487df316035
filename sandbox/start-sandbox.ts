/**
 * The sandbox's site: the standalone simulator's Jira on the sandbox clock, seeded from a realistic register (or a
 * register file) with the app installed and its REAL handlers answering the simulator's validator, post function
 * and trigger calls, the lifecycle queue delivering to the real consumer, and the people of DESIGN.md §1 in their
 * groups. Load this module only after installForgeRuntime (sandbox/main.ts): it loads the app.
 */
import { KvsStore } from '../src/adapters/kvs/kvs-store';
import { loadRegister } from '../src/cli/load-inputs';
import type { ReadText } from '../src/cli/read-json-file';
import { defaultPolicy } from '../src/domain/policy-schema';
import type { Register } from '../src/domain/register-schema';
import * as handlers from '../src/index';
import { createJiraSimulator, type JiraSimulator } from '../simulator/create-jira-simulator';
import type { ForgeRuntimeOnSimulator } from '../simulator/forge-runtime/forge-runtime';
import { REALISTIC_PEOPLE, realisticRegister } from '../simulator/seed/realistic-register';
import { PARTICIPANTS_GROUP } from '../simulator/seed/register-people';
import { seedSiteFromRegister, type SeededSite } from '../simulator/seed/seed-site';
import { clockEndpoint } from '../simulator/server/clock-endpoint';
import type { SimClock } from '../simulator/server/sim-clock';
import { LifecycleQueue } from './lifecycle-queue';
import type { SandboxArgs } from './sandbox-args';

export const SANDBOX_PROJECTS = ['SEC', 'OPS', 'PAY'] as const;
export const SANDBOX_EXCEPTION_COUNT = 240;
/** An empty project without the app (no Exception type, fields or workflow): the one to try setup on. */
export const SANDBOX_NEW_PROJECT = { key: 'LAB', name: 'Security Lab' } as const;
/** The Jira admin who runs the admin page (the register's people are requesters, owners and approvers). */
export const SANDBOX_ADMIN = { accountId: 'acc-ada', displayName: 'Ada Admin' } as const;
/** manifest.yml: lifecycle-sweep and lifecycle-worker run up to 300 s. */
export const LIFECYCLE_FUNCTION_TIMEOUT_SECONDS = 300;
export const SECURITY_REVIEWERS_GROUP = 'security-reviewers';
export const C_LEVEL_GROUP = 'c-level';

export interface SandboxSite {
  readonly sim: JiraSimulator;
  readonly site: SeededSite;
  readonly queue: LifecycleQueue;
  readonly handlers: typeof handlers;
  readonly runtime: ForgeRuntimeOnSimulator;
  readonly clock: SimClock;
  /** Log lines of the app's handlers (console.info/warn), newest last, bounded. */
  readonly appLog: string[];
  close(): Promise<void>;
}

const registerOf = (args: SandboxArgs, clock: SimClock, readText: ReadText): Register =>
  args.seed.kind === 'file'
    ? loadRegister(args.seed.path, readText)
    : realisticRegister({
        count: SANDBOX_EXCEPTION_COUNT,
        projects: SANDBOX_PROJECTS,
        now: clock.nowIso(),
        policy: defaultPolicy(),
        seed: args.seed.seed,
      });

/** Everyone of the register's cast in the groups their role implies, whether or not they decided anything yet. */
const addCast = (sim: JiraSimulator): void => {
  const { state } = sim;
  const join = (accountId: string, group: string) => {
    if (state.user(accountId) !== undefined && state.group(group) !== undefined)
      state.addToGroup(group, accountId);
  };
  // The seed knows deciders by account id only (a register's history names no one): give them their names.
  for (const person of Object.values(REALISTIC_PEOPLE).flat()) {
    const user = state.user(person.accountId);
    if (user !== undefined && user.displayName === user.accountId) user.displayName = person.displayName;
  }
  for (const reviewer of REALISTIC_PEOPLE.reviewers) join(reviewer.accountId, SECURITY_REVIEWERS_GROUP);
  for (const executive of REALISTIC_PEOPLE.executives) join(executive.accountId, C_LEVEL_GROUP);
  if (state.user(SANDBOX_ADMIN.accountId) === undefined)
    state.addUser({ ...SANDBOX_ADMIN, siteAdmin: true, groups: [PARTICIPANTS_GROUP] });
  // A project the app is not set up in, so the admin page's one-click setup has something to do.
  if (state.project(SANDBOX_NEW_PROJECT.key) === undefined)
    state.addProject({ ...SANDBOX_NEW_PROJECT, browse: [PARTICIPANTS_GROUP] });
};

export const startSandboxSite = async (
  args: SandboxArgs,
  runtime: ForgeRuntimeOnSimulator,
  clock: SimClock,
  readText: ReadText,
): Promise<SandboxSite> => {
  // The register is read before anything listens, so a bad file leaves no server behind.
  const register = registerOf(args, clock, readText);
  const sim = await createJiraSimulator({ now: () => clock.now(), control: clockEndpoint(clock) });
  runtime.sim = sim;
  const appLog: string[] = [];
  const log = (line: string) => {
    appLog.push(line);
    if (appLog.length > 500) appLog.splice(0, appLog.length - 500);
  };
  const queue = new LifecycleQueue({
    nowMs: () => clock.nowMs(),
    // The manifest's consumer: queue `lifecycle-actions` → function `lifecycle-worker` (index.lifecycleWorker).
    consumers: {
      'lifecycle-actions': (delivery) =>
        runtime.runAs(
          undefined,
          () => handlers.lifecycleWorker(delivery),
          LIFECYCLE_FUNCTION_TIMEOUT_SECONDS,
        ),
    },
    log,
  });
  runtime.onPush = (push) => {
    queue.accept(push);
  };
  try {
    const site = await seedSiteFromRegister(sim, register, {
      store: new KvsStore(),
      // As test/integration/transitions/exception-harness.ts wires them: the real handlers, each as the person
      // the invocation names (validators: the transitioning user; triggers: none, they run as the app).
      hooks: {
        validate: (payload, context) =>
          runtime.runAs(context.principal?.accountId, () => handlers.validateTransition(payload, context)),
        postFunction: (event, context) =>
          runtime.runAs(undefined, () => handlers.recordTransition(event, context)),
        onEvent: (name, event) =>
          runtime.runAs(undefined, async () => {
            if (name === 'avi:jira:created:issue') await handlers.triageOnCreate(event);
            if (name === 'avi:jira:updated:issue') await handlers.reviewDecisionEdit(event);
          }),
      },
    });
    addCast(sim);
    // Delayed events wait for the sandbox clock; under a running clock they fall due by themselves.
    const timer = setInterval(() => void queue.pump(), 1000);
    timer.unref();
    return {
      sim,
      site,
      queue,
      handlers,
      runtime,
      clock,
      appLog,
      close: async () => {
        clearInterval(timer);
        await sim.close();
      },
    };
  } catch (error) {
    await sim.close();
    throw error;
  }
};
