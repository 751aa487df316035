import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallCounter } from './calls/call-counter';
import { loadContractChecker } from './contract/contract-checker';
import { formatViolation, type ContractViolation } from './contract/contract-violation';
import { FaultInjector } from './faults/fault-injector';
import { AS_USER_HEADER, basicAuthorization } from './http/authenticate';
import { createRequestHandler, type ContractMode } from './http/request-pipeline';
import type { SimulatorCore } from './http/route-types';
import { ROUTES } from './routes/route-table';
import type { SimUser } from './state/model';
import { SimState, type PropertyIndexPath } from './state/sim-state';
import { BackgroundWork, type HookFailure } from './workflow/background-work';
import { extensionAri, ForgeApps } from './workflow/forge-apps';
import type { ForgeAppDefinition } from './workflow/forge-types';
import { AsyncDelivery, withTimeLimit } from './workflow/invocation-limits';
import {
  defaultPlatformHabits,
  type PlatformHabitOptions,
  type PlatformHabits,
} from './workflow/platform-habits';
import { performTransition, type TransitionSource } from './workflow/workflow-engine';
import { answerControlRequest, isControlRequest, type ControlHandler } from './server/control-requests';

export interface JiraSimulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** 'enforce' (default): violations are recorded and answered 400/500; 'record': only recorded. */
  readonly contract?: ContractMode;
  /** The OpenAPI document; default JIRA_OPENAPI or ../shared/jira/jira-platform.openapi.json. */
  readonly openApiPath?: string;
  /** Bearer token that authenticates the app itself (asApp). */
  readonly appToken?: string;
  readonly appAccountId?: string;
  readonly cloudId?: string;
  /** The simulator's clock (created/updated, relative JQL dates); default the real clock. */
  readonly now?: () => Date;
  /** The platform's variants and harsh habits (README "Platform habits"); unset ones keep their defaults. */
  readonly habits?: PlatformHabitOptions;
  /**
   * Answers requests under `/__simulator/` (not Jira paths: outside the contract check, call counts and faults),
   * e.g. the standalone server's clock; a site admin or the app only (server/control-requests.ts).
   */
  readonly control?: ControlHandler;
}

/** A person's transition on the transition screen in Jira's UI (not REST): fields and the comment box. */
export interface ScreenTransition {
  readonly fields?: Record<string, unknown>;
  /** The comment box as typed; stored as a one-paragraph ADF comment. */
  readonly comment?: string;
}

export interface InstalledApp {
  readonly appId: string;
  readonly environmentId: string;
  /** The extension ARI of a module: the `key` parameter of its Forge workflow rules. */
  ari(moduleKey: string): string;
  uninstall(): void;
}

export interface JiraSimulator {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly port: number;
  /** All state, with seed helpers (addUser, addGroup, addProject, addIssue, addCustomField, …). */
  readonly state: SimState;
  readonly calls: CallCounter;
  readonly faults: FaultInjector;
  readonly contractViolations: readonly ContractViolation[];
  /** Errors thrown by installed app hooks (validators, post functions, events). */
  readonly hookFailures: readonly HookFailure[];
  /** Unexpected exceptions inside the simulator (answered 500). */
  readonly serverErrors: readonly string[];
  readonly appToken: string;
  readonly appUser: SimUser;
  /** `Basic base64(email:token)` for a seeded user. */
  authorizationFor(accountId: string): string;
  /** Headers of an app request, optionally acting as a user (Forge asUser()). */
  appHeaders(asUserAccountId?: string): Record<string, string>;
  installApp(app: ForgeAppDefinition): InstalledApp;
  /** Indexes issue property paths for JQL, as a jira:entityProperty module does. */
  registerPropertyIndex(propertyKey: string, paths: PropertyIndexPath[]): void;
  /** Throws with every recorded violation; for afterEach. */
  assertNoContractViolations(): void;
  clearContractViolations(): void;
  /** Test-only: changes the body of the next response before it is checked against the document. */
  tamperWithNextResponse(mutate: (body: unknown) => unknown): void;
  /** The platform's variants and habits in force; tests may change them between requests. */
  readonly habits: PlatformHabits;
  /**
   * A transition made by a person on the transition screen in Jira's UI (as opposed to REST): the comment box
   * reaches validators in the format of habits.screenCommentFormat. Refusals reject like the REST call's.
   */
  transitionOnScreen(
    issueKey: string,
    transitionId: string,
    accountId: string,
    input?: ScreenTransition,
  ): Promise<void>;
  /**
   * Runs a Forge resolver (or any synchronous invocation) under the platform's 25 s limit
   * (habits.syncTimeLimitMs): rejects with InvocationTimeoutError when it runs past it.
   */
  invokeResolver<T>(label: string, invocation: () => Promise<T>): Promise<T>;
  /** Resolves when post functions and events triggered so far (and any work they queued) have run. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const paragraphDocument = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] }],
});

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });

/** Starts a fake Jira Cloud site over real HTTP whose traffic is checked against the official OpenAPI document. */
export const createJiraSimulator = async (options: JiraSimulatorOptions = {}): Promise<JiraSimulator> => {
  const checker = await loadContractChecker(options.openApiPath);
  const state = new SimState(options.now ?? (() => new Date()));
  const appUser = state.addUser({
    accountId: options.appAccountId ?? 'simulator-app',
    displayName: 'Security Exceptions (app)',
    apiTokens: [],
  });
  appUser.accountType = 'app';
  const apps = new ForgeApps();
  const background = new BackgroundWork();
  const habits: PlatformHabits = { ...defaultPlatformHabits(), ...options.habits };
  const calls = new CallCounter();
  const faults = new FaultInjector();
  const violations: ContractViolation[] = [];
  const serverErrors: string[] = [];
  const appToken = options.appToken ?? 'app-token-simulator';
  let tamper: ((body: unknown) => unknown) | undefined;
  let baseUrl = '';
  const core: SimulatorCore = {
    state,
    apps,
    background,
    habits,
    delivery: new AsyncDelivery(habits, background),
    cloudId: options.cloudId ?? 'sim-cloud-0000',
    appUser,
    baseUrl: () => baseUrl,
  };
  const handle = createRequestHandler({
    checker,
    core,
    routes: ROUTES,
    calls,
    faults,
    contractMode: options.contract ?? 'enforce',
    violations,
    serverErrors,
    appToken,
    takeTamper: () => {
      const taken = tamper;
      tamper = undefined;
      return taken;
    },
  });
  const server = createServer((request, response) => {
    const answer = isControlRequest(request)
      ? answerControlRequest(request, response, {
          handler: options.control,
          state,
          app: { token: appToken, user: appUser },
        })
      : handle(request, response);
    answer.catch((error: unknown) => {
      serverErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const port = await listen(server, options.port ?? 0);
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    port,
    state,
    calls,
    faults,
    contractViolations: violations,
    hookFailures: background.failures,
    serverErrors,
    appToken,
    appUser,
    authorizationFor: (accountId) => {
      const user = state.user(accountId);
      if (user === undefined) throw new Error(`no user ${accountId}`);
      return basicAuthorization(user);
    },
    appHeaders: (asUserAccountId) => ({
      authorization: `Bearer ${appToken}`,
      ...(asUserAccountId === undefined ? {} : { [AS_USER_HEADER]: asUserAccountId }),
    }),
    installApp: (app) => {
      apps.install(app);
      return {
        appId: app.appId,
        environmentId: app.environmentId,
        ari: (moduleKey) => extensionAri(app.appId, app.environmentId, moduleKey),
        uninstall: () => {
          apps.uninstall(app.appId);
        },
      };
    },
    registerPropertyIndex: (propertyKey, paths) => {
      state.registerPropertyIndex(propertyKey, paths);
    },
    assertNoContractViolations: () => {
      if (violations.length > 0) {
        throw new Error(`Jira contract violations:\n${violations.map(formatViolation).join('\n')}`);
      }
    },
    clearContractViolations: () => {
      violations.length = 0;
    },
    tamperWithNextResponse: (mutate) => {
      tamper = mutate;
    },
    habits,
    transitionOnScreen: async (issueKey, transitionId, accountId, input = {}) => {
      const issue = state.issue(issueKey);
      const user = state.user(accountId);
      if (issue === undefined || user === undefined)
        throw new Error(`no issue ${issueKey} or user ${accountId}`);
      const comment = input.comment;
      const source: TransitionSource = 'screen';
      await performTransition(
        core,
        issue,
        { user, isApp: false },
        transitionId,
        {
          fields: input.fields,
          ...(comment === undefined
            ? {}
            : { update: { comment: [{ add: { body: paragraphDocument(comment) } }] }, commentText: comment }),
        },
        source,
      );
    },
    invokeResolver: (label, invocation) => withTimeLimit(label, habits.syncTimeLimitMs, invocation),
    idle: () => background.idle(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
};
