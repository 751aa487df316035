/**
 * The screen scheme (create screen for create; the whole-exception screen for view and edit) and the project's
 * issue type screen scheme mapping Exception to it, keeping the project's other mappings.
 */
import type { IssueType, IssueTypeScreenScheme, ScreenScheme } from '../ports/configuration-port';
import { ensureObject, type Found } from './ensure-object';
import { runStep } from './run-step';
import type { ScreenKey } from './screen-definition';
import { screenMappingsWithException } from './scheme-plan';
import type { SetupContext } from './setup-context';
import { isOwn, issueTypeScreenSchemeName, ownDescription, SCREEN_SCHEME_NAME } from './setup-names';

const describeScreenScheme = (scheme: { id: string }): string =>
  `screen scheme "${SCREEN_SCHEME_NAME}" (${scheme.id})`;

const describeIssueTypeScreenScheme = (scheme: { id: string; name: string }): string =>
  `issue type screen scheme "${scheme.name}" (${scheme.id})`;

export const findScreenScheme = async (
  ctx: Pick<SetupContext, 'jira'>,
): Promise<Found<ScreenScheme> | undefined> => {
  const scheme = (await ctx.jira.listScreenSchemes()).find(
    (candidate) => candidate.name === SCREEN_SCHEME_NAME,
  );
  return scheme === undefined ? undefined : { value: scheme, own: isOwn(scheme.description) };
};

/** Whether the project's issue type screen scheme maps Exception to the screen scheme. */
export const projectScreenSchemeInPlace = async (
  ctx: Pick<SetupContext, 'jira' | 'project'>,
  exceptionTypeId: string,
  screenSchemeId: string,
): Promise<{
  current: IssueTypeScreenScheme | null;
  mappings: { issueTypeId: string; screenSchemeId: string }[];
  inPlace: boolean;
}> => {
  const current = await ctx.jira.getIssueTypeScreenSchemeOfProject(ctx.project.id);
  const mappings = current === null ? [] : await ctx.jira.listIssueTypeScreenSchemeMappings(current.id);
  const inPlace = mappings.some(
    (mapping) => mapping.issueTypeId === exceptionTypeId && mapping.screenSchemeId === screenSchemeId,
  );
  return { current, mappings, inPlace };
};

const ensureScreenScheme = (
  ctx: SetupContext,
  screenIds: Readonly<Record<ScreenKey, string>>,
): Promise<{ id: string }> =>
  ensureObject<{ id: string }>(ctx.report, {
    key: 'screen-scheme',
    describe: describeScreenScheme,
    find: () => findScreenScheme(ctx),
    create: () =>
      ctx.jira.createScreenScheme({
        name: SCREEN_SCHEME_NAME,
        description: ownDescription('the create screen, and the whole exception for view and edit.'),
        screens: { default: screenIds.default, create: screenIds.create },
      }),
  });

const ensureProjectMapping = async (
  ctx: SetupContext,
  exceptionType: IssueType,
  screenSchemeId: string,
): Promise<void> => {
  const { current, mappings, inPlace } = await projectScreenSchemeInPlace(
    ctx,
    exceptionType.id,
    screenSchemeId,
  );
  if (current !== null && inPlace) {
    ctx.report.found(
      'issue-type-screen-scheme-project',
      `${describeIssueTypeScreenScheme(current)} of project ${ctx.project.key}`,
      'skipped',
    );
    return;
  }
  const name = issueTypeScreenSchemeName(ctx.project.key);
  const scheme = await ensureObject<{ id: string }>(ctx.report, {
    key: 'issue-type-screen-scheme',
    describe: (value) => describeIssueTypeScreenScheme({ id: value.id, name }),
    find: async () => {
      const found = (await ctx.jira.listIssueTypeScreenSchemes()).find(
        (candidate) => candidate.name === name,
      );
      return found === undefined ? undefined : { value: found, own: isOwn(found.description) };
    },
    create: () =>
      ctx.jira.createIssueTypeScreenScheme({
        name,
        description: ownDescription(`the screens of project ${ctx.project.key}, with the exception screens.`),
        issueTypeMappings: screenMappingsWithException(mappings, exceptionType.id, screenSchemeId),
      }),
  });
  await ctx.jira.assignIssueTypeScreenScheme(scheme.id, ctx.project.id);
  ctx.report.created(
    'issue-type-screen-scheme-project',
    `${describeIssueTypeScreenScheme({ id: scheme.id, name })} assigned to project ${ctx.project.key}`,
  );
};

export const ensureScreenSchemes = async (
  ctx: SetupContext,
  exceptionType: IssueType,
  screenIds: Readonly<Record<ScreenKey, string>>,
): Promise<void> => {
  const screenScheme = await runStep(ctx.report, `screen scheme "${SCREEN_SCHEME_NAME}"`, () =>
    ensureScreenScheme(ctx, screenIds),
  );
  await runStep(ctx.report, 'issue type screen scheme', () =>
    ensureProjectMapping(ctx, exceptionType, screenScheme.id),
  );
};
