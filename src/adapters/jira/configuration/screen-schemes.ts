/**
 * Screen schemes and issue type screen schemes: which screens a project's issue types show.
 */
import { route } from '@forge/api';
import type {
  IssueTypeScreenScheme,
  IssueTypeScreenSchemeMapping,
  ScreenScheme,
  ScreenTypes,
} from '../../../application/ports/configuration-port';
import {
  CreatedIdSchema,
  IssueTypeScreenSchemeItemSchema,
  IssueTypeScreenSchemeProjectsSchema,
  IssueTypeScreenSchemeSchema,
  pageSchema,
  ScreenSchemeSchema,
} from '../jira-configuration-schemas';
import { ensureOk } from '../read-json';
import { type ConfigurationCalls, json, PAGE_SIZE } from './configuration-calls';

/** Screen-type ids go to Jira as the integers the document declares. */
const screenTypesBody = (screens: ScreenTypes): Record<string, number> =>
  Object.fromEntries(Object.entries(screens).map(([type, id]) => [type, Number(id)]));

export const listScreenSchemes = async (calls: ConfigurationCalls): Promise<ScreenScheme[]> => {
  const schemes = await calls.allPages('GET /rest/api/3/screenscheme', ScreenSchemeSchema, (startAt) =>
    calls.fetcher.requestJira(route`/rest/api/3/screenscheme?startAt=${startAt}&maxResults=${PAGE_SIZE}`, {
      method: 'GET',
    }),
  );
  return schemes.map((scheme) => ({
    id: scheme.id,
    name: scheme.name,
    description: scheme.description,
    screens: Object.fromEntries(Object.entries(scheme.screens ?? {}).filter(([, id]) => id !== undefined)),
  }));
};

export const createScreenScheme = async (
  calls: ConfigurationCalls,
  scheme: {
    name: string;
    description: string;
    screens: ScreenTypes;
  },
): Promise<{ id: string }> => {
  return calls.createOnce('POST /rest/api/3/screenscheme', CreatedIdSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/screenscheme`, {
      method: 'POST',
      body: json({
        name: scheme.name,
        description: scheme.description,
        screens: screenTypesBody(scheme.screens),
      }),
    }),
  );
};

export const listIssueTypeScreenSchemes = async (
  calls: ConfigurationCalls,
): Promise<IssueTypeScreenScheme[]> => {
  return calls.allPages('GET /rest/api/3/issuetypescreenscheme', IssueTypeScreenSchemeSchema, (startAt) =>
    calls.fetcher.requestJira(
      route`/rest/api/3/issuetypescreenscheme?startAt=${startAt}&maxResults=${PAGE_SIZE}`,
      { method: 'GET' },
    ),
  );
};

export const createIssueTypeScreenScheme = async (
  calls: ConfigurationCalls,
  scheme: {
    name: string;
    description: string;
    issueTypeMappings: readonly IssueTypeScreenSchemeMapping[];
  },
): Promise<{ id: string }> => {
  return calls.createOnce('POST /rest/api/3/issuetypescreenscheme', CreatedIdSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/issuetypescreenscheme`, {
      method: 'POST',
      body: json(scheme),
    }),
  );
};

export const listIssueTypeScreenSchemeMappings = async (
  calls: ConfigurationCalls,
  schemeId: string,
): Promise<IssueTypeScreenSchemeMapping[]> => {
  const items = await calls.allPages(
    'GET /rest/api/3/issuetypescreenscheme/mapping',
    IssueTypeScreenSchemeItemSchema,
    (startAt) =>
      calls.fetcher.requestJira(
        route`/rest/api/3/issuetypescreenscheme/mapping?issueTypeScreenSchemeId=${schemeId}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        { method: 'GET' },
      ),
  );
  return items
    .filter((item) => item.issueTypeScreenSchemeId === schemeId)
    .map((item) => ({ issueTypeId: item.issueTypeId, screenSchemeId: item.screenSchemeId }));
};

export const getIssueTypeScreenSchemeOfProject = async (
  calls: ConfigurationCalls,
  projectId: string,
): Promise<IssueTypeScreenScheme | null> => {
  const page = await calls.read(
    'GET /rest/api/3/issuetypescreenscheme/project',
    pageSchema(IssueTypeScreenSchemeProjectsSchema),
    () =>
      calls.fetcher.requestJira(route`/rest/api/3/issuetypescreenscheme/project?projectId=${projectId}`, {
        method: 'GET',
      }),
  );
  const association = (page.values ?? []).find((value) => value.projectIds.includes(projectId));
  return association?.issueTypeScreenScheme ?? null;
};

export const assignIssueTypeScreenScheme = async (
  calls: ConfigurationCalls,
  schemeId: string,
  projectId: string,
): Promise<void> => {
  const endpoint = 'PUT /rest/api/3/issuetypescreenscheme/project';
  const response = await calls.send(endpoint, 'safe', () =>
    calls.fetcher.requestJira(route`/rest/api/3/issuetypescreenscheme/project`, {
      method: 'PUT',
      body: json({ issueTypeScreenSchemeId: schemeId, projectId }),
    }),
  );
  await ensureOk(endpoint, response);
};
