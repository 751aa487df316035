import { notImplementedHandler } from './not-implemented';

/** trigger on avi:jira:created:issue: triages a new exception (provisional tier, routing, auto-approve). */
export const triageOnCreate = notImplementedHandler('triage-on-create', 'triage on create');
