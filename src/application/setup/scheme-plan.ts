/**
 * The per-project schemes setup creates keep everything the project had and add the Exception issue type: the
 * same default workflow and mappings plus Exception → the security exception workflow; the same screen schemes
 * plus Exception → the security exception screen scheme. Pure.
 */
import type {
  IssueTypeScreenSchemeMapping,
  NewWorkflowScheme,
  WorkflowScheme,
} from '../ports/configuration-port';

export const workflowSchemeWithException = (
  current: WorkflowScheme | null,
  exceptionTypeId: string,
  workflowName: string,
  name: string,
  description: string,
): NewWorkflowScheme => ({
  name,
  description,
  defaultWorkflow: current?.defaultWorkflow ?? null,
  issueTypeMappings: { ...current?.issueTypeMappings, [exceptionTypeId]: workflowName },
});

/**
 * Jira requires a `default` mapping; a project always has one, and should its scheme lack it the exception
 * screens become the default rather than setup guessing another project's screens.
 */
export const screenMappingsWithException = (
  current: readonly IssueTypeScreenSchemeMapping[],
  exceptionTypeId: string,
  screenSchemeId: string,
): IssueTypeScreenSchemeMapping[] => {
  const kept = current.filter((mapping) => mapping.issueTypeId !== exceptionTypeId);
  const withDefault = kept.some((mapping) => mapping.issueTypeId === 'default')
    ? kept
    : [{ issueTypeId: 'default', screenSchemeId }, ...kept];
  return [...withDefault, { issueTypeId: exceptionTypeId, screenSchemeId }];
};

/** The issue types of the project's scheme plus Exception, without repeats, in their order. */
export const issueTypesWithException = (current: readonly string[], exceptionTypeId: string): string[] => [
  ...new Set([...current, exceptionTypeId]),
];
