/**
 * Reading the register from a site without the app's store (the command line): the SiteConfig that setup keeps in
 * KVS is found again through Jira's REST API by the names setup gives its objects (setup-names.ts, field-specs.ts),
 * then the Exception issues are searched and mapped with the app's own mapping (to-exception-record.ts).
 */
import type { ExceptionRecord } from '../../domain/register-schema';
import { STATUSES } from '../../domain/vocabulary';
import { jqlLiteral } from '../jql-literal';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { lifecycleOf } from '../issue-mapping/lifecycle-of';
import { LIFECYCLE_PROPERTY_KEY, type Archived } from '../lifecycle-property';
import type { ConfigurationPort } from '../ports/configuration-port';
import type { IssuesPort, JiraIssue } from '../ports/jira-port';
import { FIELD_SPECS } from '../setup/field-specs';
import { isOwn, ISSUE_TYPE_NAME, sameName, WORKFLOW_NAME } from '../setup/setup-names';
import { LATER_FIELDS, LOGICAL_FIELDS, SiteConfigSchema, type SiteConfig } from '../site-config';

/** The site lacks something the app's setup creates, or a project named is not there. */
export class SiteNotSetUpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteNotSetUpError';
  }
}

export type SiteLookup = Pick<
  ConfigurationPort,
  'listCustomFields' | 'listIssueTypes' | 'searchStatuses' | 'getProject'
>;

/** Of several objects of one name, the one setup made (its description says so); else the only one. */
const pick = <T extends { readonly name: string; readonly description: string }>(
  candidates: readonly T[],
  name: string,
  what: string,
): T => {
  const named = candidates.filter((candidate) => sameName(candidate.name, name));
  const own = named.filter((candidate) => isOwn(candidate.description));
  const chosen = own.length === 1 ? own : named;
  const [only, ...more] = chosen;
  if (only === undefined || more.length > 0)
    throw new SiteNotSetUpError(
      only === undefined
        ? `the site has no ${what} named "${name}": has the app's setup run on it?`
        : `the site has ${String(chosen.length)} ${what}s named "${name}" and none is marked as the app's`,
    );
  return only;
};

/** The SiteConfig setup would have stored, discovered by name; `projectKeys` are the projects to read. */
export const discoverSiteConfig = async (
  site: SiteLookup,
  projectKeys: readonly string[],
): Promise<SiteConfig> => {
  const customFields = await site.listCustomFields();
  const fields: Record<string, string> = {};
  for (const field of LOGICAL_FIELDS) {
    const spec = FIELD_SPECS[field];
    const accepted = customFields.filter((candidate) => spec.acceptedTypes.includes(candidate.type ?? ''));
    try {
      fields[field] = pick(accepted, spec.name, 'field').id;
    } catch (error) {
      // Added after the first release (site-config.ts): a site set up before it lacks the field.
      if (!LATER_FIELDS.includes(field)) throw error;
    }
  }
  const issueType = pick(await site.listIssueTypes(), ISSUE_TYPE_NAME, 'issue type');
  const statuses: Record<string, string> = {};
  for (const status of STATUSES)
    statuses[status] = pick(await site.searchStatuses(status), status, 'status').id;
  const projects = [];
  for (const key of projectKeys) {
    const project = await site.getProject(key);
    if (project === null)
      throw new SiteNotSetUpError(`project ${key} does not exist or these credentials may not browse it`);
    projects.push({ id: project.id, key: project.key });
  }
  return SiteConfigSchema.parse({
    version: 1,
    fields,
    issueTypeId: issueType.id,
    statuses,
    projects,
    workflowName: WORKFLOW_NAME,
  });
};

export interface SiteRegister {
  readonly exceptions: ExceptionRecord[];
  /** Issues the app's mapping could not read, by key, with what is wrong (field names, never values). */
  readonly unreadable: { readonly issueKey: string; readonly problems: readonly string[] }[];
  /** Issue key → archive pages of its lifecycle (lifecycle-archive.ts), for the issues that have any. */
  readonly archivePages: ReadonlyMap<string, Archived>;
}

export const REGISTER_PAGE_SIZE = 100;
const PAGE_SIZE = REGISTER_PAGE_SIZE;

/** The Exception issues of the config's projects, in id order. */
export const siteRegisterJql = (config: SiteConfig): string =>
  registerJql(
    config.projects.map((project) => project.key),
    config.issueTypeId,
    'id',
  );

/** The Exception issues of the projects, in `order` (`id` for the one-shot read, `key` for the export job). */
export const registerJql = (
  projectKeys: readonly string[],
  issueTypeId: string,
  order: 'id' | 'key',
): string =>
  `project in (${projectKeys.map(jqlLiteral).join(', ')}) AND issuetype = ${jqlLiteral(issueTypeId)} ORDER BY ${order} ASC`;

export type MappedIssue =
  | { readonly ok: true; readonly record: ExceptionRecord; readonly archived: Archived | undefined }
  | { readonly ok: false; readonly issueKey: string; readonly problems: readonly string[] };

/** One Exception issue as a register record, with its archive pages when it has any; or what makes it unreadable. */
export const mapRegisterIssue = (issue: JiraIssue, config: SiteConfig): MappedIssue => {
  const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
  if (!mapped.ok) return { ok: false, issueKey: issue.key, problems: mapped.problems };
  // The mapping read the lifecycle already, so this cannot throw.
  const archived = lifecycleOf(issue).archived;
  return {
    ok: true,
    record: mapped.record,
    archived: archived !== undefined && archived.pages > 0 ? archived : undefined,
  };
};

/**
 * The Exception issues of the config's projects (or those `jql` finds, which must keep to Exception issues),
 * mapped into register records, in the query's order.
 */
export const readSiteRegister = async (
  jira: IssuesPort,
  config: SiteConfig,
  jql: string = siteRegisterJql(config),
): Promise<SiteRegister> => {
  const exceptions: ExceptionRecord[] = [];
  const unreadable: SiteRegister['unreadable'][number][] = [];
  const archivePages = new Map<string, Archived>();
  let nextPageToken: string | undefined;
  for (;;) {
    const page = await jira.search(jql, {
      fields: exceptionFieldIds(config),
      properties: [LIFECYCLE_PROPERTY_KEY],
      maxResults: PAGE_SIZE,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    });
    for (const issue of page.issues) {
      const mapped = mapRegisterIssue(issue, config);
      if (mapped.ok) {
        exceptions.push(mapped.record);
        if (mapped.archived !== undefined) archivePages.set(issue.key, mapped.archived);
      } else unreadable.push({ issueKey: mapped.issueKey, problems: mapped.problems });
    }
    if (page.isLast || page.nextPageToken === null) break;
    nextPageToken = page.nextPageToken;
  }
  return { exceptions, unreadable, archivePages };
};
