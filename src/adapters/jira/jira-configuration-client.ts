/**
 * ConfigurationPort over Jira Cloud REST v3, for any JiraFetcher (`api.asApp()` in Forge, through
 * forgeDependencies(); the plain-HTTP fetcher from the command line and against the simulator). Each area of Jira's
 * configuration is a module of ./configuration/ over one call helper (configuration-calls.ts); every call names a
 * literal `route` and method so Forge's linter can check its scope (manage:jira-configuration; manage:jira-project
 * for screens, FORGE_NOTES §12).
 */
import type {
  ConfigurationPort,
  CustomField,
  FieldContext,
  FieldOption,
  ForgeRule,
  IssueType,
  IssueTypeScheme,
  IssueTypeScreenScheme,
  IssueTypeScreenSchemeMapping,
  JiraGroup,
  JiraStatus,
  NewCustomField,
  NewFieldContext,
  NewIssueTypeScheme,
  NewStatus,
  NewWorkflow,
  NewWorkflowScheme,
  ProjectSummary,
  Screen,
  ScreenScheme,
  ScreenTab,
  ScreenTypes,
  Workflow,
  WorkflowScheme,
  WorkflowValidationProblem,
} from '../../application/ports/configuration-port';
import * as Fields from './configuration/fields';
import * as Groups from './configuration/groups';
import * as IssueTypes from './configuration/issue-types';
import * as Projects from './configuration/projects';
import * as ScreenSchemes from './configuration/screen-schemes';
import * as Screens from './configuration/screens';
import * as WorkflowSchemes from './configuration/workflow-schemes';
import * as Workflows from './configuration/workflows';
import { ConfigurationCalls } from './configuration/configuration-calls';
import type { JiraFetcher } from './jira-fetcher';
import type { RetryPolicy, RetryStats } from './send-with-retries';

export class JiraConfigurationClient implements ConfigurationPort {
  private readonly calls: ConfigurationCalls;

  constructor(fetcher: JiraFetcher, policy?: RetryPolicy, stats?: RetryStats) {
    this.calls = new ConfigurationCalls(fetcher, policy, stats);
  }

  // project
  getProject(projectKey: string): Promise<ProjectSummary | null> {
    return Projects.getProject(this.calls, projectKey);
  }

  // fields
  listCustomFields(): Promise<CustomField[]> {
    return Fields.listCustomFields(this.calls);
  }
  createCustomField(field: NewCustomField): Promise<CustomField> {
    return Fields.createCustomField(this.calls, field);
  }
  listFieldContexts(fieldId: string): Promise<FieldContext[]> {
    return Fields.listFieldContexts(this.calls, fieldId);
  }
  createFieldContext(fieldId: string, context: NewFieldContext): Promise<FieldContext> {
    return Fields.createFieldContext(this.calls, fieldId, context);
  }
  listFieldOptions(fieldId: string, contextId: string): Promise<FieldOption[]> {
    return Fields.listFieldOptions(this.calls, fieldId, contextId);
  }
  createFieldOptions(fieldId: string, contextId: string, values: readonly string[]): Promise<FieldOption[]> {
    return Fields.createFieldOptions(this.calls, fieldId, contextId, values);
  }

  // issue types
  listIssueTypes(): Promise<IssueType[]> {
    return IssueTypes.listIssueTypes(this.calls);
  }
  createIssueType(issueType: { name: string; description: string }): Promise<IssueType> {
    return IssueTypes.createIssueType(this.calls, issueType);
  }
  listIssueTypeSchemes(): Promise<IssueTypeScheme[]> {
    return IssueTypes.listIssueTypeSchemes(this.calls);
  }
  createIssueTypeScheme(scheme: NewIssueTypeScheme): Promise<{ id: string }> {
    return IssueTypes.createIssueTypeScheme(this.calls, scheme);
  }
  getIssueTypeSchemeOfProject(projectId: string): Promise<IssueTypeScheme | null> {
    return IssueTypes.getIssueTypeSchemeOfProject(this.calls, projectId);
  }
  listIssueTypeSchemeMembers(schemeId: string): Promise<string[]> {
    return IssueTypes.listIssueTypeSchemeMembers(this.calls, schemeId);
  }
  addIssueTypesToScheme(schemeId: string, issueTypeIds: readonly string[]): Promise<void> {
    return IssueTypes.addIssueTypesToScheme(this.calls, schemeId, issueTypeIds);
  }
  assignIssueTypeScheme(schemeId: string, projectId: string): Promise<void> {
    return IssueTypes.assignIssueTypeScheme(this.calls, schemeId, projectId);
  }

  // statuses and workflows
  searchStatuses(searchString: string): Promise<JiraStatus[]> {
    return Workflows.searchStatuses(this.calls, searchString);
  }
  createStatuses(statuses: readonly NewStatus[]): Promise<JiraStatus[]> {
    return Workflows.createStatuses(this.calls, statuses);
  }
  readWorkflowsByName(names: readonly string[]): Promise<Workflow[]> {
    return Workflows.readWorkflowsByName(this.calls, names);
  }
  validateWorkflow(workflow: NewWorkflow): Promise<WorkflowValidationProblem[]> {
    return Workflows.validateWorkflow(this.calls, workflow);
  }
  createWorkflow(workflow: NewWorkflow): Promise<Workflow> {
    return Workflows.createWorkflow(this.calls, workflow);
  }
  listForgeRules(where: { projectId: string; issueTypeId: string }): Promise<ForgeRule[]> {
    return Workflows.listForgeRules(this.calls, where);
  }
  listWorkflowSchemes(): Promise<WorkflowScheme[]> {
    return WorkflowSchemes.listWorkflowSchemes(this.calls);
  }
  createWorkflowScheme(scheme: NewWorkflowScheme): Promise<WorkflowScheme> {
    return WorkflowSchemes.createWorkflowScheme(this.calls, scheme);
  }
  getWorkflowSchemeOfProject(projectId: string): Promise<WorkflowScheme | null> {
    return WorkflowSchemes.getWorkflowSchemeOfProject(this.calls, projectId);
  }
  assignWorkflowScheme(schemeId: string, projectId: string): Promise<void> {
    return WorkflowSchemes.assignWorkflowScheme(this.calls, schemeId, projectId);
  }

  // screens
  searchScreens(queryString: string): Promise<Screen[]> {
    return Screens.searchScreens(this.calls, queryString);
  }
  createScreen(screen: { name: string; description: string }): Promise<Screen> {
    return Screens.createScreen(this.calls, screen);
  }
  listScreenTabs(screenId: string): Promise<ScreenTab[]> {
    return Screens.listScreenTabs(this.calls, screenId);
  }
  createScreenTab(screenId: string, name: string): Promise<ScreenTab> {
    return Screens.createScreenTab(this.calls, screenId, name);
  }
  listScreenTabFields(screenId: string, tabId: string): Promise<string[]> {
    return Screens.listScreenTabFields(this.calls, screenId, tabId);
  }
  addScreenTabField(screenId: string, tabId: string, fieldId: string): Promise<void> {
    return Screens.addScreenTabField(this.calls, screenId, tabId, fieldId);
  }
  listScreenSchemes(): Promise<ScreenScheme[]> {
    return ScreenSchemes.listScreenSchemes(this.calls);
  }
  createScreenScheme(scheme: {
    name: string;
    description: string;
    screens: ScreenTypes;
  }): Promise<{ id: string }> {
    return ScreenSchemes.createScreenScheme(this.calls, scheme);
  }
  listIssueTypeScreenSchemes(): Promise<IssueTypeScreenScheme[]> {
    return ScreenSchemes.listIssueTypeScreenSchemes(this.calls);
  }
  createIssueTypeScreenScheme(scheme: {
    name: string;
    description: string;
    issueTypeMappings: readonly IssueTypeScreenSchemeMapping[];
  }): Promise<{ id: string }> {
    return ScreenSchemes.createIssueTypeScreenScheme(this.calls, scheme);
  }
  listIssueTypeScreenSchemeMappings(schemeId: string): Promise<IssueTypeScreenSchemeMapping[]> {
    return ScreenSchemes.listIssueTypeScreenSchemeMappings(this.calls, schemeId);
  }
  getIssueTypeScreenSchemeOfProject(projectId: string): Promise<IssueTypeScreenScheme | null> {
    return ScreenSchemes.getIssueTypeScreenSchemeOfProject(this.calls, projectId);
  }
  assignIssueTypeScreenScheme(schemeId: string, projectId: string): Promise<void> {
    return ScreenSchemes.assignIssueTypeScreenScheme(this.calls, schemeId, projectId);
  }

  // groups
  findGroupsByName(names: readonly string[]): Promise<JiraGroup[]> {
    return Groups.findGroupsByName(this.calls, names);
  }
}
