/**
 * The archive pages of a lifecycle (lifecycle-property.ts): whole history entries moved out of the lifecycle
 * property so it stays under Jira's 32 KB, each page an issue property of its own under the same limit.
 */
import type { HistoryEntry } from '../../domain/register-schema';
import {
  lifecycleArchiveKey,
  LifecycleArchivePageSchema,
  type Archived,
  type LifecycleArchivePage,
} from '../lifecycle-property';
import type { IssuesPort } from '../ports/jira-port';
import { jsonBytes } from './compact-lifecycle';

/** A page is closed once another entry would take it past this (Jira's limit is 32 768 bytes). */
export const ARCHIVE_PAGE_BYTES = 28 * 1024;

/** A page the app did not write, or that someone edited, is not appended to (nor overwritten): a new page starts. */
const readPage = async (jira: IssuesPort, issueKey: string, page: number): Promise<HistoryEntry[] | null> => {
  const parsed = LifecycleArchivePageSchema.safeParse(
    await jira.getIssueProperty(issueKey, lifecycleArchiveKey(page)),
  );
  return parsed.success ? parsed.data.entries : null;
};

/**
 * Appends `entries` to the archive and answers how many pages it has now. An entry already on the last page (a
 * write retried after the lifecycle property itself failed) is not added twice. Pages are written before the
 * lifecycle property that counts them, so a failure in between loses nothing.
 */
export const appendToArchive = async (
  jira: IssuesPort,
  issueKey: string,
  archived: Archived | undefined,
  entries: readonly HistoryEntry[],
): Promise<number> => {
  let pages = archived?.pages ?? 0;
  if (entries.length === 0) return pages;
  let page = pages === 0 ? 1 : pages;
  let current: HistoryEntry[] = pages === 0 ? [] : ((await readPage(jira, issueKey, page)) ?? []);
  if (pages > 0 && current.length === 0) {
    page += 1; // unreadable or empty last page: keep it as it is and start the next
    current = [];
  }
  const present = new Set(current.map((entry) => JSON.stringify(entry)));
  const written: LifecycleArchivePage[] = [];
  const pageNumbers: number[] = [];
  for (const entry of entries) {
    if (present.has(JSON.stringify(entry))) continue;
    const candidate = { version: 1 as const, entries: [...current, entry] };
    if (current.length > 0 && jsonBytes(candidate) > ARCHIVE_PAGE_BYTES) {
      written.push({ version: 1, entries: current });
      pageNumbers.push(page);
      page += 1;
      current = [entry];
    } else current = candidate.entries;
  }
  written.push({ version: 1, entries: current });
  pageNumbers.push(page);
  for (const [index, value] of written.entries()) {
    const number = pageNumbers[index];
    if (number !== undefined) await jira.setIssueProperty(issueKey, lifecycleArchiveKey(number), value);
  }
  pages = Math.max(pages, page);
  return pages;
};

/** Every archived entry, oldest page first: for the audit export and for a person reading the whole story. */
export const readArchive = async (
  jira: IssuesPort,
  issueKey: string,
  archived: Archived | undefined,
): Promise<HistoryEntry[]> => {
  const entries: HistoryEntry[] = [];
  for (let page = 1; page <= (archived?.pages ?? 0); page += 1)
    entries.push(...((await readPage(jira, issueKey, page)) ?? []));
  return entries;
};
