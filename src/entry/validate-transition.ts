import { notImplementedHandler } from './not-implemented';

/** jira:workflowValidator `validate-transition`: enforces the policy on the transition its configuration names. */
export const validateTransition = notImplementedHandler('validate-transition', 'enforced transitions');
