/**
 * Exception among the project's issue types. Jira adds every new issue type to the default issue type scheme,
 * so a project on it already has Exception; a project with its own scheme gets a copy of that scheme with
 * Exception added (setup does not change a scheme other projects may share).
 */
import type { IssueType, IssueTypeScheme } from '../ports/configuration-port';
import { ensureObject } from './ensure-object';
import { runStep } from './run-step';
import { issueTypesWithException } from './scheme-plan';
import type { SetupContext } from './setup-context';
import { issueTypeSchemeName, isOwn, ownDescription } from './setup-names';

const describeScheme = (scheme: { id: string; name: string }): string =>
  `issue type scheme "${scheme.name}" (${scheme.id})`;

export interface IssueTypeSchemeState {
  readonly scheme: IssueTypeScheme | null;
  readonly members: readonly string[];
  readonly hasException: boolean;
}

export const issueTypeSchemeState = async (
  ctx: Pick<SetupContext, 'jira' | 'project'>,
  exceptionTypeId: string,
): Promise<IssueTypeSchemeState> => {
  const scheme = await ctx.jira.getIssueTypeSchemeOfProject(ctx.project.id);
  const members =
    scheme === null ? ctx.project.issueTypeIds : await ctx.jira.listIssueTypeSchemeMembers(scheme.id);
  return { scheme, members, hasException: members.includes(exceptionTypeId) };
};

const ensure = async (ctx: SetupContext, exceptionType: IssueType): Promise<void> => {
  const { scheme: current, members, hasException } = await issueTypeSchemeState(ctx, exceptionType.id);
  const inScheme = `issue type "${exceptionType.name}" in the issue type scheme of project ${ctx.project.key}`;
  if (hasException) {
    ctx.report.found('issue-type-scheme', inScheme, 'skipped');
    return;
  }
  const name = issueTypeSchemeName(ctx.project.key);
  const scheme = await ensureObject(ctx.report, {
    key: 'issue-type-scheme',
    describe: (value) => describeScheme({ id: value.id, name }),
    find: async () => {
      const found = (await ctx.jira.listIssueTypeSchemes()).find((candidate) => candidate.name === name);
      return found === undefined ? undefined : { value: { id: found.id }, own: isOwn(found.description) };
    },
    create: () =>
      ctx.jira.createIssueTypeScheme({
        name,
        description: ownDescription(`the issue types of project ${ctx.project.key}, with Exception.`),
        issueTypeIds: issueTypesWithException(members, exceptionType.id),
        defaultIssueTypeId: current?.defaultIssueTypeId ?? null,
      }),
  });
  if (!(await ctx.jira.listIssueTypeSchemeMembers(scheme.id)).includes(exceptionType.id)) {
    ctx.report.attempting('issue-type-scheme-member');
    await ctx.jira.addIssueTypesToScheme(scheme.id, [exceptionType.id]);
    ctx.report.created(
      'issue-type-scheme-member',
      `issue type "${exceptionType.name}" added to ${describeScheme({ id: scheme.id, name })}`,
    );
  }
  await ctx.jira.assignIssueTypeScheme(scheme.id, ctx.project.id);
  ctx.report.created(
    'issue-type-scheme-project',
    `${describeScheme({ id: scheme.id, name })} assigned to project ${ctx.project.key}`,
  );
};

export const ensureIssueTypeScheme = (ctx: SetupContext, exceptionType: IssueType): Promise<void> =>
  runStep(ctx.report, 'issue type scheme', () => ensure(ctx, exceptionType));
