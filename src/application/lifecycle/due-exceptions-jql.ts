/**
 * The JQL that asks Jira only for the exceptions whose next lifecycle action is due (DESIGN.md §5), for the sweep.
 * It uses the documented form of an indexed entity property, `issue.property['<propertyKey>'].<path>` (Forge
 * jira:entityProperty: "issue.property['…'].…"; FORGE_NOTES §16), and compares it with an instant written
 * `yyyy-MM-ddTHH:mm:ssZ`, the one date-time format that page lists. Every value placed in the query is an id
 * checked to be digits or an instant the app formats itself: nothing from a person reaches the JQL (DESIGN.md §10).
 */
import { toInstant } from '../../domain/utc-days';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import type { SiteConfig } from '../site-config';

export const NEXT_ACTION_AT = `issue.property['${LIFECYCLE_PROPERTY_KEY}'].nextActionAt`;

/** A stored SiteConfig whose ids are not Jira ids cannot be put into JQL safely: setup must be run again. */
export class UnsafeJqlValueError extends Error {
  constructor(readonly what: string) {
    super(
      `The stored ${what} is not a Jira id, so it cannot be used in a search: run the app's setup again.`,
    );
    this.name = 'UnsafeJqlValueError';
  }
}

const jiraId = (value: string, what: string): string => {
  if (!/^[1-9]\d{0,17}$/.test(value)) throw new UnsafeJqlValueError(what);
  return value;
};

/** Exceptions of the set-up projects whose nextActionAt is at or before `now`, oldest issue first; null: none set up. */
export const dueExceptionsJql = (config: SiteConfig, now: string): string | null => {
  if (config.projects.length === 0) return null;
  const projects = config.projects.map((project) => jiraId(project.id, 'project id')).join(', ');
  const issueType = jiraId(config.issueTypeId, 'issue type id');
  const instant = toInstant(Date.parse(now));
  return `project in (${projects}) AND issuetype = ${issueType} AND ${NEXT_ACTION_AT} <= "${instant}" ORDER BY id ASC`;
};
