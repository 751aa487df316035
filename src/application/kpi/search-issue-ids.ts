/**
 * The ids of every issue a JQL query finds, read in the largest pages Jira allows: asking for the id alone lets the
 * enhanced search return up to 5,000 issues a page ("It returns max 5000 issues" when only id or key is requested,
 * POST /rest/api/3/search/jql in the platform OpenAPI document), so 50,000 exceptions cost 10 requests.
 */
import { z } from 'zod';
import type { IssuesPort } from '../ports/jira-port';

export const ID_ONLY_PAGE_SIZE = 5000;
/** The page size Jira Cloud gives when fields are requested (FORGE_NOTES §13). */
const FIELDS_PAGE_SIZE = 100;

export const searchIssueIds = async (jira: IssuesPort, jql: string): Promise<Set<string>> => {
  const ids = new Set<string>();
  let nextPageToken: string | undefined;
  for (;;) {
    const page = await jira.search(jql, {
      fields: ['id'],
      properties: [],
      maxResults: ID_ONLY_PAGE_SIZE,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    });
    for (const issue of page.issues) ids.add(issue.id);
    if (page.isLast || page.nextPageToken === null) return ids;
    nextPageToken = page.nextPageToken;
  }
};

const ProjectOfIssueSchema = z.object({ project: z.object({ id: z.string().min(1) }) });

/**
 * Issue id → project id of every issue a query finds. Asking for a field shrinks pages to 100, so this is for
 * small sets (the secured exceptions of a scope), where the project of each issue is needed.
 */
export const searchIssueProjects = async (jira: IssuesPort, jql: string): Promise<Map<string, string>> => {
  const projects = new Map<string, string>();
  let nextPageToken: string | undefined;
  for (;;) {
    const page = await jira.search(jql, {
      fields: ['project'],
      properties: [],
      maxResults: FIELDS_PAGE_SIZE,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    });
    for (const issue of page.issues) {
      const fields = ProjectOfIssueSchema.safeParse(issue.fields);
      // Jira always names an issue's project; one without it cannot be placed, so it counts for no project.
      if (fields.success) projects.set(issue.id, fields.data.project.id);
    }
    if (page.isLast || page.nextPageToken === null) return projects;
    nextPageToken = page.nextPageToken;
  }
};
