/**
 * Projects: the one setup is asked to set up (null when it does not exist or the app cannot see it).
 */
import { route } from '@forge/api';
import type { ProjectSummary } from '../../../application/ports/configuration-port';
import { ProjectSchema } from '../jira-configuration-schemas';
import { JiraHttpError } from '../jira-errors';
import type { ConfigurationCalls } from './configuration-calls';

export const getProject = async (
  calls: ConfigurationCalls,
  projectKey: string,
): Promise<ProjectSummary | null> => {
  const endpoint = 'GET /rest/api/3/project/{projectIdOrKey}';
  try {
    const project = await calls.read(endpoint, ProjectSchema, () =>
      calls.fetcher.requestJira(route`/rest/api/3/project/${projectKey}`, { method: 'GET' }),
    );
    return {
      id: project.id,
      key: project.key,
      name: project.name,
      teamManaged: project.simplified === true || project.style === 'next-gen',
      issueTypeIds: (project.issueTypes ?? []).map((type) => type.id),
    };
  } catch (error) {
    if (error instanceof JiraHttpError && error.status === 404) return null;
    throw error;
  }
};
