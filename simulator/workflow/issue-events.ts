import { renderIssueField } from '../issues/issue-renderer';
import type { SimulatorCore } from '../http/route-types';
import type { SimChangeHistory, SimIssue } from '../state/model';
import type { ResolvedModule } from './forge-apps';
import type { EventIssue, ForgeInvocationContext } from './forge-types';

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
  const ctx = { state: core.state, baseUrl: core.baseUrl() };
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

/** Delivers a product event, after the response, to every installed trigger module subscribed to it. */
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
    const { app } = subscriber;
    if (app.onEvent === undefined) continue;
    core.background.run(`${eventType} → ${subscriber.module.key} (${issue.key})`, async () => {
      await app.onEvent?.(eventType, event, forgeContext(core, subscriber, actorAccountId));
    });
  }
};
