import { notImplementedHandler } from './not-implemented';

/** jira:workflowPostFunction `record-transition`: records the lifecycle facts of a transition. */
export const recordTransition = notImplementedHandler('record-transition', 'lifecycle record');
