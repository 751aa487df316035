/** The app's lifecycle property as read with an issue (`properties: [LIFECYCLE_PROPERTY_KEY]`). */
import type { JiraIssue } from '../ports/jira-port';
import {
  emptyLifecycle,
  LIFECYCLE_PROPERTY_KEY,
  LifecyclePropertySchema,
  type LifecycleProperty,
} from '../lifecycle-property';

/** The property holds something the app did not write: overwriting it would lose the audit trail. */
export class UnreadableLifecycleError extends Error {
  constructor(
    readonly issueKey: string,
    readonly problems: readonly string[],
  ) {
    super(`The lifecycle property of ${issueKey} is unreadable: ${problems.join('; ')}`);
    this.name = 'UnreadableLifecycleError';
  }
}

/** The issue's lifecycle; an empty one when the app has not written it yet. */
export const lifecycleOf = (issue: JiraIssue): LifecycleProperty => {
  const stored = issue.properties[LIFECYCLE_PROPERTY_KEY];
  if (stored === undefined || stored === null) return emptyLifecycle();
  const parsed = LifecyclePropertySchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  throw new UnreadableLifecycleError(
    issue.key,
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`),
  );
};
