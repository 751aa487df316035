/** Bridge answers the panel's tests share: Jira's context for an issue panel, and JIRA_ISSUE_CHANGED on demand. */
import { onBridge } from '@shared/test/bridge-stub';

/** The context Jira gives a jira:issuePanel (FORGE_NOTES §8), for issue SEC-12 (id 10012). */
export const issuePanelContext = (issue: Record<string, unknown> = { id: '10012', key: 'SEC-12' }) => ({
  accountId: 'acc-viewer',
  cloudId: 'cloud-1',
  locale: 'en_GB',
  moduleKey: 'exception-panel',
  extension: {
    type: 'jira:issuePanel',
    issue: { ...issue, type: 'Security Exception', typeId: '10050' },
    isNewToIssue: false,
  },
});

/** Answers `events.on`; `emit(payload)` calls every JIRA_ISSUE_CHANGED subscriber still subscribed. */
export const issueChangedEvents = () => {
  const subscribers = new Set<(payload: unknown) => unknown>();
  onBridge('on', (call) => {
    const { event, callback } = call as { event: string; callback: (payload: unknown) => unknown };
    if (event !== 'JIRA_ISSUE_CHANGED') throw new Error(`unexpected event ${event}`);
    subscribers.add(callback);
    return {
      unsubscribe: () => {
        subscribers.delete(callback);
      },
    };
  });
  return {
    emit: (payload: unknown) => {
      subscribers.forEach((callback) => callback(payload));
    },
    subscriberCount: () => subscribers.size,
  };
};
