import type { IssuePanelResolverName } from '../contracts/resolver-names';
import { notImplementedResolver } from './not-implemented';

const ISSUE_OF: Record<IssuePanelResolverName, string> = { getExceptionSummary: 'issue panel' };

/** Resolver function of the issue panel (status, days left, next action, checklist). */
export const issuePanelResolver = notImplementedResolver('issue-panel-resolver', ISSUE_OF);
