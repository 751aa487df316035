/** The Exception issue type (a standard type, not a sub-task). */
import type { IssueType } from '../ports/configuration-port';
import { ensureObject, type Found } from './ensure-object';
import { runStep } from './run-step';
import type { SetupContext } from './setup-context';
import { ISSUE_TYPE_NAME, isOwn, ownDescription, sameName } from './setup-names';

export const describeIssueType = (type: IssueType): string => `issue type "${type.name}" (${type.id})`;

/** Any issue type of the name; the caller refuses a sub-task. */
export const findIssueType = (types: readonly IssueType[]): Found<IssueType> | undefined => {
  const type = types.find((candidate) => sameName(candidate.name, ISSUE_TYPE_NAME));
  return type === undefined ? undefined : { value: type, own: isOwn(type.description) };
};

export const ensureIssueType = (ctx: SetupContext): Promise<IssueType> =>
  runStep(ctx.report, `issue type "${ISSUE_TYPE_NAME}"`, () =>
    ensureObject(ctx.report, {
      key: 'issue-type',
      describe: describeIssueType,
      find: async () => findIssueType(await ctx.jira.listIssueTypes()),
      create: () =>
        ctx.jira.createIssueType({
          name: ISSUE_TYPE_NAME,
          description: ownDescription('a request to set a security control aside for a limited time.'),
        }),
    }),
  );
