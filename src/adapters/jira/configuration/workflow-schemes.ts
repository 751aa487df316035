/**
 * Workflow schemes: which workflow a project's issue types use.
 */
import { route } from '@forge/api';
import type { z } from 'zod';
import type { NewWorkflowScheme, WorkflowScheme } from '../../../application/ports/configuration-port';
import { WorkflowSchemeAssociationsSchema, WorkflowSchemeSchema } from '../jira-configuration-schemas';
import { ensureOk } from '../read-json';
import { type ConfigurationCalls, json, PAGE_SIZE } from './configuration-calls';

const toWorkflowScheme = (scheme: z.infer<typeof WorkflowSchemeSchema>): WorkflowScheme => ({
  id: scheme.id,
  name: scheme.name,
  description: scheme.description,
  defaultWorkflow: scheme.defaultWorkflow ?? null,
  issueTypeMappings: scheme.issueTypeMappings ?? {},
});

export const listWorkflowSchemes = async (calls: ConfigurationCalls): Promise<WorkflowScheme[]> => {
  const schemes = await calls.allPages('GET /rest/api/3/workflowscheme', WorkflowSchemeSchema, (startAt) =>
    calls.fetcher.requestJira(route`/rest/api/3/workflowscheme?startAt=${startAt}&maxResults=${PAGE_SIZE}`, {
      method: 'GET',
    }),
  );
  return schemes.map(toWorkflowScheme);
};

export const createWorkflowScheme = async (
  calls: ConfigurationCalls,
  scheme: NewWorkflowScheme,
): Promise<WorkflowScheme> => {
  const created = await calls.createOnce('POST /rest/api/3/workflowscheme', WorkflowSchemeSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/workflowscheme`, {
      method: 'POST',
      body: json({
        name: scheme.name,
        description: scheme.description,
        ...(scheme.defaultWorkflow === null ? {} : { defaultWorkflow: scheme.defaultWorkflow }),
        issueTypeMappings: scheme.issueTypeMappings,
      }),
    }),
  );
  return toWorkflowScheme(created);
};

export const getWorkflowSchemeOfProject = async (
  calls: ConfigurationCalls,
  projectId: string,
): Promise<WorkflowScheme | null> => {
  const associations = await calls.read(
    'GET /rest/api/3/workflowscheme/project',
    WorkflowSchemeAssociationsSchema,
    () =>
      calls.fetcher.requestJira(route`/rest/api/3/workflowscheme/project?projectId=${projectId}`, {
        method: 'GET',
      }),
  );
  const association = associations.values.find((value) => value.projectIds.includes(projectId));
  return association === undefined ? null : toWorkflowScheme(association.workflowScheme);
};

export const assignWorkflowScheme = async (
  calls: ConfigurationCalls,
  schemeId: string,
  projectId: string,
): Promise<void> => {
  const endpoint = 'PUT /rest/api/3/workflowscheme/project';
  const response = await calls.send(endpoint, 'safe', () =>
    calls.fetcher.requestJira(route`/rest/api/3/workflowscheme/project`, {
      method: 'PUT',
      body: json({ workflowSchemeId: schemeId, projectId }),
    }),
  );
  await ensureOk(endpoint, response);
};
