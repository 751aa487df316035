/**
 * An issue as the caller sees it, with what `expand` asks that depends on the caller: `transitions`, the ones Jira
 * offers them from the issue's status (IssueBean.transitions, the shape GET …/transitions answers).
 */
import { renderIssue, renderStatus, type IssueRenderOptions } from '../issues/issue-renderer';
import type { RouteContext } from '../http/route-types';
import type { SimIssue } from '../state/model';
import { listTransitions } from '../workflow/workflow-engine';
import { renderContext } from './route-helpers';

/** The transitions offered to the caller (all of them with `includeUnavailable`), optionally only `onlyId`. */
export const renderTransitions = (
  ctx: RouteContext,
  issue: SimIssue,
  options: { includeUnavailable: boolean; onlyId?: string | undefined },
): Record<string, unknown>[] =>
  listTransitions(ctx.core, issue, ctx.principal)
    .filter((option) => option.available || options.includeUnavailable)
    .filter((option) => options.onlyId === undefined || option.transition.id === options.onlyId)
    .map(({ transition, toStatus, available }) => ({
      id: transition.id,
      name: transition.name,
      to: renderStatus(renderContext(ctx), toStatus),
      hasScreen: false,
      isGlobal: transition.type === 'GLOBAL',
      isInitial: false,
      isAvailable: available,
      isConditional:
        transition.conditions !== undefined &&
        transition.conditions.conditions.length + transition.conditions.conditionGroups.length > 0,
      isLooped: false,
    }));

export const renderIssueForCaller = (
  ctx: RouteContext,
  issue: SimIssue,
  options: IssueRenderOptions,
): Record<string, unknown> => {
  const bean = renderIssue(renderContext(ctx), issue, options);
  if (options.expand.has('transitions'))
    bean.transitions = renderTransitions(ctx, issue, { includeUnavailable: false });
  return bean;
};
