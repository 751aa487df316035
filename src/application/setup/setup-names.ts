/**
 * Names and descriptions of the Jira objects setup creates. Setup finds its objects again by name on every run
 * (that is what makes it idempotent and resumable), and tells its own objects from an admin's by the start of
 * their description.
 */

const OWNER = 'Security Exceptions for Jira';

/** The description setup gives an object it creates. */
export const ownDescription = (what: string): string => `${OWNER}: ${what}`;

/** Whether setup created the object (an admin's object of the same name is adopted, not owned). */
export const isOwn = (description: string): boolean => description.startsWith(`${OWNER}:`);

/** Names match as Jira compares them for uniqueness: trimmed, case-insensitive. */
export const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export const ISSUE_TYPE_NAME = 'Exception';
export const WORKFLOW_NAME = 'Security Exception Workflow';
export const SCREEN_SCHEME_NAME = 'Security Exception Screen Scheme';
/** The tab setup gives a screen that has none (Jira normally creates "Field Tab" with the screen). */
export const SCREEN_TAB_NAME = 'Field Tab';

/** Schemes are per project: each keeps the project's other issue types as they were. */
export const workflowSchemeName = (projectKey: string): string =>
  `${projectKey}: Security Exception Workflow Scheme`;
export const issueTypeSchemeName = (projectKey: string): string =>
  `${projectKey}: Security Exception Issue Type Scheme`;
export const issueTypeScreenSchemeName = (projectKey: string): string =>
  `${projectKey}: Security Exception Issue Type Screen Scheme`;
/** A field context setup adds for the project when a field it adopts has no global context. */
export const fieldContextName = (projectKey: string): string => `Security Exceptions (${projectKey})`;
