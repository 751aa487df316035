/**
 * Issue types and issue type schemes (the Exception issue type, in the project's scheme).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type {
  IssueType,
  IssueTypeScheme,
  NewIssueTypeScheme,
} from '../../../application/ports/configuration-port';
import {
  CreatedIssueTypeSchemeSchema,
  IssueTypeSchema,
  IssueTypeSchemeMappingSchema,
  IssueTypeSchemeProjectsSchema,
  IssueTypeSchemeSchema,
  pageSchema,
} from '../jira-configuration-schemas';
import { ensureOk } from '../read-json';
import { type ConfigurationCalls, json, PAGE_SIZE } from './configuration-calls';

const toIssueTypeScheme = (scheme: z.infer<typeof IssueTypeSchemeSchema>): IssueTypeScheme => ({
  id: scheme.id,
  name: scheme.name,
  description: scheme.description,
  isDefault: scheme.isDefault ?? false,
  defaultIssueTypeId: scheme.defaultIssueTypeId ?? null,
});

const toIssueType = (type: z.infer<typeof IssueTypeSchema>): IssueType => ({
  id: type.id,
  name: type.name,
  description: type.description,
  subtask: type.subtask ?? (type.hierarchyLevel ?? 0) < 0,
});

export const listIssueTypes = async (calls: ConfigurationCalls): Promise<IssueType[]> => {
  const types = await calls.read('GET /rest/api/3/issuetype', z.array(IssueTypeSchema), () =>
    calls.fetcher.requestJira(route`/rest/api/3/issuetype`, { method: 'GET' }),
  );
  return types.map(toIssueType);
};

export const createIssueType = async (
  calls: ConfigurationCalls,
  issueType: { name: string; description: string },
): Promise<IssueType> => {
  const created = await calls.createOnce('POST /rest/api/3/issuetype', IssueTypeSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/issuetype`, {
      method: 'POST',
      // hierarchyLevel 0: a standard issue type (`type` is deprecated in the document).
      body: json({ name: issueType.name, description: issueType.description, hierarchyLevel: 0 }),
    }),
  );
  return toIssueType(created);
};

export const listIssueTypeSchemes = async (calls: ConfigurationCalls): Promise<IssueTypeScheme[]> => {
  const schemes = await calls.allPages('GET /rest/api/3/issuetypescheme', IssueTypeSchemeSchema, (startAt) =>
    calls.fetcher.requestJira(route`/rest/api/3/issuetypescheme?startAt=${startAt}&maxResults=${PAGE_SIZE}`, {
      method: 'GET',
    }),
  );
  return schemes.map(toIssueTypeScheme);
};

export const createIssueTypeScheme = async (
  calls: ConfigurationCalls,
  scheme: NewIssueTypeScheme,
): Promise<{ id: string }> => {
  const created = await calls.createOnce(
    'POST /rest/api/3/issuetypescheme',
    CreatedIssueTypeSchemeSchema,
    () =>
      calls.fetcher.requestJira(route`/rest/api/3/issuetypescheme`, {
        method: 'POST',
        body: json({
          name: scheme.name,
          description: scheme.description,
          issueTypeIds: scheme.issueTypeIds,
          ...(scheme.defaultIssueTypeId === null ? {} : { defaultIssueTypeId: scheme.defaultIssueTypeId }),
        }),
      }),
  );
  return { id: created.issueTypeSchemeId };
};

export const getIssueTypeSchemeOfProject = async (
  calls: ConfigurationCalls,
  projectId: string,
): Promise<IssueTypeScheme | null> => {
  const page = await calls.read(
    'GET /rest/api/3/issuetypescheme/project',
    pageSchema(IssueTypeSchemeProjectsSchema),
    () =>
      calls.fetcher.requestJira(route`/rest/api/3/issuetypescheme/project?projectId=${projectId}`, {
        method: 'GET',
      }),
  );
  const association = (page.values ?? []).find((value) => value.projectIds.includes(projectId));
  return association === undefined ? null : toIssueTypeScheme(association.issueTypeScheme);
};

export const listIssueTypeSchemeMembers = async (
  calls: ConfigurationCalls,
  schemeId: string,
): Promise<string[]> => {
  const mappings = await calls.allPages(
    'GET /rest/api/3/issuetypescheme/mapping',
    IssueTypeSchemeMappingSchema,
    (startAt) =>
      calls.fetcher.requestJira(
        route`/rest/api/3/issuetypescheme/mapping?issueTypeSchemeId=${schemeId}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        { method: 'GET' },
      ),
  );
  return mappings.filter((mapping) => mapping.issueTypeSchemeId === schemeId).map((m) => m.issueTypeId);
};

export const addIssueTypesToScheme = async (
  calls: ConfigurationCalls,
  schemeId: string,
  issueTypeIds: readonly string[],
): Promise<void> => {
  const endpoint = 'PUT /rest/api/3/issuetypescheme/{issueTypeSchemeId}/issuetype';
  // Not repeatable: Jira refuses an issue type that is already in the scheme.
  const response = await calls.send(endpoint, 'once', () =>
    calls.fetcher.requestJira(route`/rest/api/3/issuetypescheme/${schemeId}/issuetype`, {
      method: 'PUT',
      body: json({ issueTypeIds }),
    }),
  );
  await ensureOk(endpoint, response);
};

export const assignIssueTypeScheme = async (
  calls: ConfigurationCalls,
  schemeId: string,
  projectId: string,
): Promise<void> => {
  const endpoint = 'PUT /rest/api/3/issuetypescheme/project';
  const response = await calls.send(endpoint, 'safe', () =>
    calls.fetcher.requestJira(route`/rest/api/3/issuetypescheme/project`, {
      method: 'PUT',
      body: json({ issueTypeSchemeId: schemeId, projectId }),
    }),
  );
  await ensureOk(endpoint, response);
};
