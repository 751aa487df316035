/**
 * How an imported exception is known again (ISSUE 7 item 4): the issue carries the indexed issue property
 * `security-exceptions-import` with its import identity (import-row.ts), written in the create request itself, so
 * no issue exists without it; `finished` turns true once the issue has reached its register status. Before
 * creating, the import asks one JQL for the identities already in the project (manifest.yml jira:entityProperty
 * `import-property-index`), and finishes what a crashed run left half-done instead of creating it again.
 *
 * Triage on create must leave an imported issue alone (the import brings it to its status itself). An issue
 * property is something any editor can write, so triage believes it only together with the app's own record,
 * in the app's storage, that the import is creating an issue with that identity in that project right now.
 */
import { z } from 'zod';
import type { JiraIssue } from '../../ports/jira-port';
import type { StorePort } from '../../ports/store-port';

export const IMPORT_PROPERTY_KEY = 'security-exceptions-import';

export const ImportPropertySchema = z.object({
  identity: z.string().min(1).max(300),
  finished: z.boolean(),
});
export type ImportProperty = z.infer<typeof ImportPropertySchema>;

/** How long after the import announced a creation triage leaves the new issue to it. */
export const IMPORT_CREATION_SECONDS = 15 * 60;

const CreationSchema = z.strictObject({ at: z.iso.datetime({ offset: true }) });

const creationKey = (projectId: string, identity: string): string =>
  `import-creating:${projectId}:${identity}`;

/** The import is about to create (or finish) the issue of `identity` in the project. */
export const announceImportCreation = (
  store: StorePort,
  projectId: string,
  identity: string,
  now: string,
): Promise<void> => store.set(creationKey(projectId, identity), { at: now });

/** Triage side: whether the new issue is one the import is creating (its property and the app's record agree). */
export const isBeingImported = async (
  issue: JiraIssue,
  projectId: string | undefined,
  store: StorePort,
  now: string,
): Promise<boolean> => {
  const property = ImportPropertySchema.safeParse(issue.properties[IMPORT_PROPERTY_KEY]);
  if (!property.success || projectId === undefined) return false;
  const creation = await store.get(creationKey(projectId, property.data.identity), CreationSchema);
  if (creation === undefined) return false;
  const ageMs = Date.parse(now) - Date.parse(creation.at);
  return ageMs >= 0 && ageMs <= IMPORT_CREATION_SECONDS * 1000;
};
