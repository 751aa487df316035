import { renderIssueField } from '../issues/issue-renderer';
import type { SimulatorCore } from '../http/route-types';
import type { SimChangeHistory, SimIssue } from '../state/model';
import type { ResolvedModule } from './forge-apps';
import type { EventIssue, ForgeInvocationContext } from './forge-types';
import { DEFAULT_ASYNC_TIMEOUT_SECONDS } from './platform-habits';

const EVENT_FIELDS = [
  'summary',
  'issuetype',
  'creator',
  'created',
  'project',
  'reporter',
  'assignee',
  'updated',
  'status',
  'labels',
];

/** The issue as Forge events carry it (FORGE_NOTES §6): id, key and the basic fields. */
export const eventIssue = (core: SimulatorCore, issue: SimIssue): EventIssue => {
  const ctx = {
    state: core.state,
    baseUrl: core.baseUrl(),
    changelogLimit: core.habits.expandedChangelogLimit,
  };
  return {
    id: issue.id,
    key: issue.key,
    fields: Object.fromEntries(
      EVENT_FIELDS.map((fieldId) => [fieldId, renderIssueField(ctx, issue, fieldId) ?? null]),
    ),
  };
};

export const forgeContext = (
  core: SimulatorCore,
  resolved: ResolvedModule,
  principalAccountId: string | undefined,
): ForgeInvocationContext => ({
  ...(principalAccountId === undefined ? {} : { principal: { accountId: principalAccountId } }),
  installContext: `ari:cloud:jira::site/${core.cloudId}`,
  cloudId: core.cloudId,
  environmentId: resolved.app.environmentId,
  moduleKey: resolved.module.key,
});

/** Events keep null from/to (unlike the REST changelog, whose schema has no nulls). */
export const eventChangelog = (
  history: SimChangeHistory | undefined,
): { id: string; items: SimChangeHistory['items'] } => ({
  id: history?.id ?? '',
  items: history?.items ?? [],
});

/**
 * Delivers a product event, after the response, to every installed trigger module subscribed to it: at least
 * once, sometimes twice, killed at the module's timeoutSeconds, retried on InvocationError (core.delivery).
 */
export const emitIssueEvent = (
  core: SimulatorCore,
  eventType: 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:commented:issue',
  issue: SimIssue,
  actorAccountId: string,
  extras: Readonly<Record<string, unknown>> = {},
): void => {
  const subscribers = core.apps.subscribers(eventType);
  if (subscribers.length === 0) return;
  const event = {
    eventType,
    timestamp: Date.parse(core.state.nowIso()),
    selfGenerated: actorAccountId === core.appUser.accountId,
    atlassianId: actorAccountId,
    issue: eventIssue(core, issue),
    ...extras,
  };
  for (const subscriber of subscribers) {
    const { app, module } = subscriber;
    if (app.onEvent === undefined) continue;
    const context = forgeContext(core, subscriber, actorAccountId);
    core.delivery.deliver(
      `${eventType} → ${module.key} (${issue.key})`,
      module.timeoutSeconds ?? DEFAULT_ASYNC_TIMEOUT_SECONDS,
      (retryContext) =>
        app.onEvent?.(eventType, retryContext === undefined ? event : { ...event, retryContext }, context) ??
        Promise.resolve(undefined),
    );
  }
};
