/**
 * The audit export as a background job (ISSUE 7 item 4): the register of a window written in parts of at most
 * `partBytes` (UTF-8) under `job:<id>:part:<n>`, which join into exactly what exportRegister answers in one go
 * (the same pieces: audit-export.ts). It reads project by project in key order, a page at a time, so it needs
 * neither the whole site in memory nor more than one invocation's time per step.
 *
 * Identity: a queue consumer has no user — the documented AsyncEvent carries `body`, `jobId` and `retryContext`
 * only, and Atlassian's queued-import tutorial calls `asUser()` in the resolver and `asApp()` in the consumer
 * (forge-docs-snapshot mirror/runtime-reference/async-events-api, mirror/queue-events-with-async-events-api-to-
 * import-assets; FORGE_NOTES §11 "asUser() needs a user context"). Offline impersonation would need
 * `allowImpersonation` on read:jira-work, a new consent. So the job reads as the app, limited to what the
 * requester may browse: the projects are checked AS THE REQUESTER when the job starts (start-export.ts) and
 * recorded in its input, and an issue under an issue security level is exported only if the requester may browse
 * it (DirectoryPort.canBrowseIssue, asked as the app for the requester's account).
 *
 * Each step starts from its cursor with an empty buffer and ends by writing what it buffered, so a step run again
 * (killed after some writes, delivered twice) rewrites the same parts and the output is unchanged.
 */
import { z } from 'zod';
import { ExportRegisterRequestSchema } from '../../contracts/admin-export';
import { defaultPolicy, type Policy } from '../../domain/policy-schema';
import { inAuditWindow } from '../../domain/register';
import { StoredPolicySchema } from '../../domain/stored-policy';
import { exceptionFieldIds } from '../issue-mapping/to-exception-record';
import { JobFailedError, type JobKind, type JobStepResult } from '../jobs/job-kind';
import { jobPartKey, JOB_TTL_SECONDS, type JobRecord } from '../jobs/job-record';
import type { JobStepDependencies } from '../jobs/run-job-step';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { policyVersionKey } from '../policy/policy-store';
import type { DirectoryPort, IssuesPort } from '../ports/jira-port';
import { readSiteConfig } from '../transitions/site-config-of';
import { auditExportPieces, byRegisterKey } from './audit-export';
import { mapRegisterIssue, REGISTER_PAGE_SIZE, registerJql } from './read-site-register';
import { withArchivedHistory } from './whole-history';

/** A part's text stays under Forge's 240 KiB KVS value limit with room for its JSON wrapping and escaping. */
export const DEFAULT_PART_BYTES = 150 * 1024;

/** Unreadable issues a failed export lists, by key. */
const UNREADABLE_LISTED = 20;

/** Time a step leaves itself for writing its last part and saving the job. */
export const EXPORT_STEP_RESERVE_MS = 20_000;

export const ExportJobInputSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  format: ExportRegisterRequestSchema.shape.format,
  /** The set-up projects the requester may browse (checked as them at start), in register key order. */
  projects: z.array(z.strictObject({ id: z.string(), key: z.string() })).max(100),
  generatedAt: z.string(),
  /** The policy version in force at start (its control mapping is in the CSV), or null for the default policy. */
  policyVersion: z.number().int().positive().nullable(),
  partBytes: z.number().int().min(16).max(DEFAULT_PART_BYTES),
});
export type ExportJobInput = z.infer<typeof ExportJobInputSchema>;

export const ExportJobCursorSchema = z.strictObject({
  /** Index into `input.projects` of the project being read. */
  project: z.number().int().nonnegative(),
  /** The token of the page being read (null: the project's first page), and how many of its issues are done. */
  pageToken: z.string().max(2_000).nullable(),
  skip: z.number().int().nonnegative(),
  /** Exception issues read so far, and those of them in the window (written). */
  read: z.number().int().nonnegative(),
  exceptions: z.number().int().nonnegative(),
  /** UTF-8 bytes written so far; 0 until the head is written. */
  bytes: z.number().int().nonnegative(),
  /** Issues left out because the requester may not browse them (issue security). */
  hidden: z.number().int().nonnegative(),
  unreadable: z.number().int().nonnegative(),
  unreadableListed: z
    .array(z.strictObject({ key: z.string().max(40), problems: z.string().max(300) }))
    .max(UNREADABLE_LISTED),
});
export type ExportJobCursor = z.infer<typeof ExportJobCursorSchema>;

export const FIRST_EXPORT_CURSOR: ExportJobCursor = {
  project: 0,
  pageToken: null,
  skip: 0,
  read: 0,
  exceptions: 0,
  bytes: 0,
  hidden: 0,
  unreadable: 0,
  unreadableListed: [],
};

export interface ExportJobDependencies extends JobStepDependencies {
  /** Jira as the app (a queue consumer has no user): reads the issues, asks what the requester may browse. */
  readonly jiraAsApp: IssuesPort & Pick<DirectoryPort, 'canBrowseIssue'>;
}

const utf8Length = (text: string): number => {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      index += 1;
    } else bytes += 3;
  }
  return bytes;
};

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes that does not split a character. */
const cut = (text: string, maxBytes: number): [string, string] => {
  let bytes = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const pair = code >= 0xd800 && code <= 0xdbff;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    index += pair ? 2 : 1;
  }
  return [text.slice(0, index), text.slice(index)];
};

const policyOf = async (deps: JobStepDependencies, version: number | null): Promise<Policy> => {
  if (version === null) return defaultPolicy();
  const stored = await deps.store.get(policyVersionKey(version), StoredPolicySchema);
  if (stored === undefined)
    throw new JobFailedError(
      `Policy version ${String(version)}, in force when the export started, is no longer stored. Start the export again.`,
    );
  return stored.policy;
};

const SECURITY_FIELD = 'security';

const hasSecurityLevel = (fields: Readonly<Record<string, unknown>>): boolean =>
  fields[SECURITY_FIELD] !== undefined && fields[SECURITY_FIELD] !== null;

const stepExport = async (
  job: JobRecord,
  deps: ExportJobDependencies,
  budget: { remainingMs(): number },
  reserveMs: number,
): Promise<JobStepResult> => {
  const input = ExportJobInputSchema.parse(job.input);
  const cursor = { ...ExportJobCursorSchema.parse(job.cursor) };
  const config = await readSiteConfig(deps.store);
  if (config === undefined)
    throw new JobFailedError(
      'The Security Exceptions app is no longer set up on this site. Nothing more was exported.',
    );
  const pieces = auditExportPieces(
    await policyOf(deps, input.policyVersion),
    input.generatedAt,
    input.format,
  );

  let part = job.parts;
  let buffer = '';
  let bufferBytes = 0;
  const write = async (text: string): Promise<void> => {
    await deps.store.set(jobPartKey(job.id, part), { text }, { ttlSeconds: JOB_TTL_SECONDS });
    part += 1;
  };
  const emit = async (text: string): Promise<void> => {
    buffer += text;
    bufferBytes += utf8Length(text);
    cursor.bytes += utf8Length(text);
    while (bufferBytes >= input.partBytes) {
      const [full, rest] = cut(buffer, input.partBytes);
      await write(full);
      buffer = rest;
      bufferBytes = utf8Length(rest);
    }
  };
  const progress = (phase: string, total: number | null = null) => ({ done: cursor.read, total, phase });

  if (cursor.bytes === 0) await emit(pieces.head);
  let worked = false;
  const timeLeft = (): boolean => !worked || budget.remainingMs() > reserveMs;

  while (cursor.project < input.projects.length && timeLeft()) {
    const project = input.projects[cursor.project];
    if (project === undefined) break;
    const page = await deps.jiraAsApp.search(registerJql([project.key], config.issueTypeId, 'key'), {
      fields: [...exceptionFieldIds(config), SECURITY_FIELD],
      properties: [LIFECYCLE_PROPERTY_KEY],
      maxResults: REGISTER_PAGE_SIZE,
      ...(cursor.pageToken === null ? {} : { nextPageToken: cursor.pageToken }),
    });
    const issues = page.issues.slice(cursor.skip);
    for (const issue of issues) {
      if (!timeLeft()) break;
      worked = true;
      cursor.skip += 1;
      cursor.read += 1;
      if (
        hasSecurityLevel(issue.fields) &&
        !(await deps.jiraAsApp.canBrowseIssue(job.requestedBy, issue.key))
      ) {
        cursor.hidden += 1;
        continue;
      }
      const mapped = mapRegisterIssue(issue, config);
      if (!mapped.ok) {
        cursor.unreadable += 1;
        if (cursor.unreadableListed.length < UNREADABLE_LISTED)
          cursor.unreadableListed.push({
            key: mapped.issueKey.slice(0, 40),
            problems: mapped.problems.join(' ').slice(0, 300),
          });
        continue;
      }
      if (!inAuditWindow(mapped.record, input.from, input.to)) continue;
      const [whole] = await withArchivedHistory(
        deps.jiraAsApp,
        [mapped.record],
        mapped.archived === undefined ? new Map() : new Map([[mapped.record.key, mapped.archived]]),
      );
      if (whole === undefined) continue;
      await emit(pieces.piece(whole, cursor.exceptions));
      cursor.exceptions += 1;
    }
    if (cursor.skip < page.issues.length) break; // out of time mid-page: the next step reads this page again
    if (page.isLast || page.nextPageToken === null) {
      cursor.project += 1;
      cursor.pageToken = null;
    } else cursor.pageToken = page.nextPageToken;
    cursor.skip = 0;
  }

  const finished = cursor.project >= input.projects.length;
  if (finished) {
    if (cursor.unreadable > 0)
      throw new JobFailedError(
        `${String(cursor.unreadable)} Exception issues cannot be read by the app, so the register would be incomplete. Nothing was exported; fix the issues listed.`,
        cursor.unreadableListed.map((issue) => `${issue.key}: ${issue.problems}`),
      );
    await emit(pieces.tail(cursor.exceptions));
  }
  if (bufferBytes > 0) await write(buffer);
  if (!finished) return { cursor, progress: progress('reading'), parts: part };
  return {
    cursor,
    progress: progress('done', cursor.read),
    parts: part,
    finished: {
      format: input.format,
      filename: `security-exceptions-${input.from}-to-${input.to}.${input.format}`,
      exceptions: cursor.exceptions,
      bytes: cursor.bytes,
      hidden: cursor.hidden,
    },
  };
};

/** The export job kind; `reserveMs` is what a step leaves of its invocation for its last writes. */
export const exportJobKind = (
  reserveMs: number = EXPORT_STEP_RESERVE_MS,
): JobKind<ExportJobDependencies> => ({
  step: (job, deps, budget) => stepExport(job, deps, budget, reserveMs),
});

/** The projects in the order their issues come in the register (by key), so project-by-project reading keeps it. */
export const inRegisterOrder = <P extends { readonly key: string }>(projects: readonly P[]): P[] =>
  [...projects].sort((a, b) => byRegisterKey(`${a.key}-`, `${b.key}-`));
