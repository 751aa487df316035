/**
 * Statuses, workflows and the Forge rules the site offers for them (DESIGN.md §3); the bodies Jira reads and
 * writes are mapped in ./workflow-bodies.ts.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type {
  ForgeRule,
  JiraStatus,
  NewStatus,
  NewWorkflow,
  Workflow,
  WorkflowValidationProblem,
} from '../../../application/ports/configuration-port';
import {
  CapabilitiesSchema,
  StatusSchema,
  WorkflowsSchema,
  WorkflowValidationSchema,
} from '../jira-configuration-schemas';
import { JiraResponseShapeError } from '../jira-errors';
import { type ConfigurationCalls, json, PAGE_SIZE } from './configuration-calls';
import { toValidationProblem, toWorkflows, workflowCreateBody } from './workflow-bodies';

export const searchStatuses = async (
  calls: ConfigurationCalls,
  searchString: string,
): Promise<JiraStatus[]> => {
  return calls.allPages('GET /rest/api/3/statuses/search', StatusSchema, (startAt) =>
    calls.fetcher.requestJira(
      route`/rest/api/3/statuses/search?searchString=${searchString}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
      { method: 'GET' },
    ),
  );
};

export const createStatuses = async (
  calls: ConfigurationCalls,
  statuses: readonly NewStatus[],
): Promise<JiraStatus[]> => {
  return calls.createOnce('POST /rest/api/3/statuses', z.array(StatusSchema), () =>
    calls.fetcher.requestJira(route`/rest/api/3/statuses`, {
      method: 'POST',
      body: json({ scope: { type: 'GLOBAL' }, statuses }),
    }),
  );
};

export const readWorkflowsByName = async (
  calls: ConfigurationCalls,
  names: readonly string[],
): Promise<Workflow[]> => {
  const endpoint = 'POST /rest/api/3/workflows';
  const body = await calls.read(endpoint, WorkflowsSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/workflows`, {
      method: 'POST',
      body: json({ workflowNames: names }),
    }),
  );
  return toWorkflows(endpoint, body);
};

/** Validation reads nothing and writes nothing, so it is repeated like a read. */
export const validateWorkflow = async (
  calls: ConfigurationCalls,
  workflow: NewWorkflow,
): Promise<WorkflowValidationProblem[]> => {
  const endpoint = 'POST /rest/api/3/workflows/create/validation';
  const body = await calls.read(endpoint, WorkflowValidationSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/workflows/create/validation`, {
      method: 'POST',
      body: json({
        payload: workflowCreateBody(workflow),
        validationOptions: { levels: ['ERROR', 'WARNING'] },
      }),
    }),
  );
  return (body.errors ?? []).map(toValidationProblem);
};

export const createWorkflow = async (calls: ConfigurationCalls, workflow: NewWorkflow): Promise<Workflow> => {
  const endpoint = 'POST /rest/api/3/workflows/create';
  const body = await calls.createOnce(endpoint, WorkflowsSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/workflows/create`, {
      method: 'POST',
      body: json(workflowCreateBody(workflow)),
    }),
  );
  const created = toWorkflows(endpoint, body).find((candidate) => candidate.name === workflow.name);
  if (created === undefined)
    throw new JiraResponseShapeError(endpoint, ['workflows: the workflow is missing']);
  return created;
};

export const listForgeRules = async (
  calls: ConfigurationCalls,
  where: { projectId: string; issueTypeId: string },
): Promise<ForgeRule[]> => {
  const capabilities = await calls.read('GET /rest/api/3/workflows/capabilities', CapabilitiesSchema, () =>
    calls.fetcher.requestJira(
      route`/rest/api/3/workflows/capabilities?projectId=${where.projectId}&issueTypeId=${where.issueTypeId}`,
      { method: 'GET' },
    ),
  );
  return (capabilities.forgeRules ?? []).map((rule) => ({
    id: rule.id,
    ruleKey: rule.ruleKey,
    ruleType: rule.ruleType ?? '',
    name: rule.name ?? '',
  }));
};
