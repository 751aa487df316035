/**
 * A realistic day of Jira traffic from the app, run through the JiraRestClient against the simulator under
 * injected faults: the simulator's (latency, 429 with Retry-After, 5xx, all before the request has any effect)
 * and lost answers of applied writes (answerLosingFetcher). For every exception in SEC: a reviewer reads it, the
 * app reads and writes the lifecycle property, looks up the risk owner and the reviewer's groups, the reviewer
 * triages it (a transition with a comment), the app records that, sends a reminder under the action's
 * idempotency key and a note; every fourth one is escalated (an ENG issue under an idempotency key, a link and a
 * comment); the sweep pages through the register; and the reminder step runs a second time, as after a crash
 * between the comment and the property write. Then the simulator's state is counted: nothing may be missing,
 * nothing duplicated. Used by test/adapters/jira/fault-injection.test.ts and bench/fault-injection.ts.
 */
import { performance } from 'node:perf_hooks';
import { IDEMPOTENCY_PROPERTY_KEY, JiraRestClient } from '../../src/adapters/jira/jira-rest-client';
import { emptyJiraClientStats, type JiraClientStats } from '../../src/adapters/jira/jira-rest-client';
import type { AdfDocument } from '../../src/application/ports/jira-port';
import { LIFECYCLE_PROPERTY_KEY, type LifecycleProperty } from '../../src/application/lifecycle-property';
import type { FaultSettings, FaultStats, SimIssue } from '../../simulator';
import { answerLosingFetcher } from './answer-losing-fetcher';
import { fastRetryPolicy } from './fast-retry-policy';
import { ENG_PROJECT, SEC_PROJECT, SITE_USERS, startSimulatedSite } from './simulated-site';
import { simulatorFetcher } from './simulator-fetcher';

export interface FaultInjectionOptions {
  readonly exceptions: number;
  /** Exceptions worked on at the same time, as concurrent Forge invocations would. */
  readonly concurrency: number;
  readonly faults: FaultSettings;
  /** Share of applied writes whose answer is lost. */
  readonly answerLossRate: number;
  readonly answerLossSeed: number;
}

export const DEFAULT_FAULT_INJECTION: FaultInjectionOptions = {
  exceptions: 20,
  concurrency: 5,
  faults: { rate429: 0.1, retryAfterSeconds: 1, rate5xx: 0.05, latencyMs: [50, 300], seed: 20261121 },
  answerLossRate: 0.05,
  answerLossSeed: 7,
};

export interface FaultInjectionReport {
  readonly options: FaultInjectionOptions;
  /** Port calls the scenario made (getIssue, addComment, …). */
  readonly portCalls: number;
  /** REST calls the client made to carry them out (recovery reads included), and the attempts they took. */
  readonly restCalls: number;
  readonly attempts: number;
  readonly retries: number;
  readonly retryWaitMs: number;
  /** HTTP requests the simulator received, and the faults it injected into them. */
  readonly httpRequests: number;
  readonly injected: FaultStats;
  readonly answersLost: number;
  /** Writes that failed ambiguously (5xx or lost answer); found applied on inspection; found not applied and re-sent. */
  readonly ambiguousWrites: number;
  readonly foundApplied: number;
  readonly resent: number;
  readonly elapsedMs: number;
  readonly failures: readonly string[];
  readonly state: {
    readonly expectedComments: number;
    readonly comments: number;
    readonly duplicateComments: number;
    readonly expectedEngineeringIssues: number;
    readonly engineeringIssues: number;
    readonly links: number;
    readonly lifecyclePropertiesAsWritten: number;
    readonly inProgress: number;
    readonly statusChanges: number;
    readonly registerPagedThrough: number;
  };
  readonly contractViolations: number;
}

const adf = (text: string): AdfDocument => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const AT = '2026-11-21T09:00:00Z';

const lifecycle = (actions: readonly ('submitted' | 'triaged')[]): LifecycleProperty => ({
  version: 1,
  history: actions.map((action) => ({
    at: AT,
    action,
    by: action === 'submitted' ? SITE_USERS.requester : SITE_USERS.securityReviewer,
  })),
  nextActionAt: '2026-11-26T09:00:00Z',
  policyVersion: 1,
});

const inPool = async <T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
};

const markerOf = (properties: Map<string, unknown> | undefined): string | undefined => {
  const marker = properties?.get(IDEMPOTENCY_PROPERTY_KEY) as { idempotencyKey?: unknown } | undefined;
  return typeof marker?.idempotencyKey === 'string' ? marker.idempotencyKey : undefined;
};

const sumStats = (stats: readonly JiraClientStats[]): JiraClientStats =>
  stats.reduce((sum, each) => {
    for (const key of Object.keys(sum) as (keyof JiraClientStats)[]) sum[key] += each[key];
    return sum;
  }, emptyJiraClientStats());

export const runFaultInjectionScenario = async (
  options: FaultInjectionOptions = DEFAULT_FAULT_INJECTION,
): Promise<FaultInjectionReport> => {
  const site = await startSimulatedSite();
  const { sim } = site;
  try {
    const retryPolicy = fastRetryPolicy();
    const losing = (actingUser?: string) =>
      answerLosingFetcher(simulatorFetcher(sim, actingUser), {
        rate: options.answerLossRate,
        seed: options.answerLossSeed + (actingUser === undefined ? 0 : 1),
      });
    const appFetcher = losing();
    const reviewerFetcher = losing(SITE_USERS.securityReviewer);
    const app = new JiraRestClient(appFetcher, retryPolicy);
    const reviewer = new JiraRestClient(reviewerFetcher, retryPolicy);

    const exceptions: SimIssue[] = Array.from({ length: options.exceptions }, (_, index) =>
      sim.state.addIssue({
        project: SEC_PROJECT,
        summary: `Exception ${index + 1}`,
        reporter: SITE_USERS.requester,
        fields: { labels: [`asset-${index + 1}`] },
      }),
    );
    const escalated = exceptions.filter((_, index) => index % 4 === 0);
    let portCalls = 0;
    const failures: string[] = [];
    const call = async <T>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
      portCalls += 1;
      try {
        return await work();
      } catch (error) {
        failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    const remind = (issue: SimIssue) =>
      call('addComment (reminder)', () =>
        app.addComment(issue.key, adf('Reminder: this exception reaches 75 % of its period.'), {
          idempotencyKey: `${issue.id}:remind-75:2026-11-21`,
        }),
      );

    sim.faults.set(options.faults);
    sim.calls.reset();
    const started = performance.now();

    await inPool(exceptions, options.concurrency, async (issue) => {
      await call('getIssue', () =>
        reviewer.getIssue(issue.key, {
          fields: ['summary', 'status', 'labels'],
          properties: [LIFECYCLE_PROPERTY_KEY],
        }),
      );
      await call('getIssueProperty', () => app.getIssueProperty(issue.key, LIFECYCLE_PROPERTY_KEY));
      await call('setIssueProperty', () =>
        app.setIssueProperty(issue.key, LIFECYCLE_PROPERTY_KEY, lifecycle(['submitted'])),
      );
      await call('getUser', () => app.getUser(SITE_USERS.riskOwner));
      await call('groupsOf', () => app.groupsOf(SITE_USERS.securityReviewer));
      const transitions = await call('getTransitions', () => reviewer.getTransitions(issue.key));
      const triage = transitions?.find((transition) => transition.toStatusName === 'In Progress');
      if (triage !== undefined) {
        await call('transitionIssue', () =>
          reviewer.transitionIssue(issue.key, triage.id, { comment: adf('Triaged: in risk review.') }),
        );
      }
      await call('setIssueProperty', () =>
        app.setIssueProperty(issue.key, LIFECYCLE_PROPERTY_KEY, lifecycle(['submitted', 'triaged'])),
      );
      await remind(issue);
      await call('addComment (note)', () => app.addComment(issue.key, adf('Risk owner notified.')));
      if (escalated.includes(issue)) {
        const engineering = await call('createIssue', () =>
          app.createIssue(
            {
              project: { key: ENG_PROJECT },
              issuetype: { name: 'Task' },
              summary: `Remove the root cause behind ${issue.key}`,
            },
            { idempotencyKey: `${issue.id}:escalate-chronic` },
          ),
        );
        if (engineering !== undefined) {
          await call('linkIssues', () => app.linkIssues('Relates', issue.key, engineering.key));
        }
        await call('addComment (escalation)', () =>
          app.addComment(issue.key, adf('Escalated: an engineering issue tracks the root cause.'), {
            idempotencyKey: `${issue.id}:escalated`,
          }),
        );
      }
      await call('getIssue', () => app.getIssue(issue.key, { fields: ['status'], properties: [] }));
    });

    let registerPagedThrough = 0;
    let nextPageToken: string | undefined;
    for (;;) {
      const page = await call('search', () =>
        app.search(`project = ${SEC_PROJECT} ORDER BY key`, {
          fields: ['status'],
          properties: [LIFECYCLE_PROPERTY_KEY],
          maxResults: 8,
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        }),
      );
      if (page === undefined) break;
      registerPagedThrough += page.issues.length;
      if (page.isLast || page.nextPageToken === null) break;
      nextPageToken = page.nextPageToken;
    }
    // The sweep again after a crash between the reminder comment and the property write: same keys, no new comments.
    await inPool(exceptions, options.concurrency, async (issue) => {
      await remind(issue);
    });

    const elapsedMs = Math.round(performance.now() - started);
    const injected = { ...sim.faults.stats };
    const httpRequests = sim.calls.total;
    sim.faults.clear();

    const comments = exceptions.flatMap((issue) => issue.comments);
    const markers = comments.flatMap((comment) => markerOf(comment.properties) ?? []);
    const statusOf = (issue: SimIssue) => sim.state.statuses.get(issue.statusId)?.name;
    const engineeringIssues = [...sim.state.issues.values()].filter(
      (issue) => sim.state.projects.get(issue.projectId)?.key === ENG_PROJECT,
    );
    const expectedProperty = JSON.stringify(lifecycle(['submitted', 'triaged']));
    const stats = sumStats([app.stats, reviewer.stats]);

    return {
      options,
      portCalls,
      restCalls: stats.attempts - stats.retries,
      attempts: stats.attempts,
      retries: stats.retries,
      retryWaitMs: stats.waitedMs,
      httpRequests,
      injected,
      answersLost: appFetcher.stats.lost.length + reviewerFetcher.stats.lost.length,
      ambiguousWrites: stats.ambiguousFailures,
      foundApplied: stats.foundApplied,
      resent: stats.resent,
      elapsedMs,
      failures,
      state: {
        // Per exception: the triage comment, the reminder and the note; per escalation, its comment.
        expectedComments: exceptions.length * 3 + escalated.length,
        comments: comments.length,
        duplicateComments: markers.length - new Set(markers).size,
        expectedEngineeringIssues: escalated.length,
        engineeringIssues: engineeringIssues.length,
        links: sim.state.links.length,
        lifecyclePropertiesAsWritten: exceptions.filter(
          (issue) => JSON.stringify(issue.properties.get(LIFECYCLE_PROPERTY_KEY)) === expectedProperty,
        ).length,
        inProgress: exceptions.filter((issue) => statusOf(issue) === 'In Progress').length,
        statusChanges: exceptions
          .flatMap((issue) => issue.changelog)
          .flatMap((history) => history.items)
          .filter((item) => item.fieldId === 'status').length,
        registerPagedThrough,
      },
      contractViolations: sim.contractViolations.length,
    };
  } finally {
    await site.close();
  }
};
