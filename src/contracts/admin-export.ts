/**
 * The admin page's audit export (DESIGN.md §7, ISSUE 7 item 4): the register of the set-up projects for an audit
 * window, as register JSON or CSV, built by the same code as `security-exceptions export`. Shared by src/entry and
 * static/admin. The answer travels in one resolver response, which Forge limits to 5 MB (FORGE_NOTES §11), so a
 * window too large for it is refused (the background export job is a later item).
 */
import { z } from 'zod';
import { ProjectKeySchema } from './project-key';
import { IsoDateSchema } from '../domain/register-schema';
import { answerSchema } from './refusal';

/** The longest audit window one request may ask for, in days (five years, leap days included). */
export const MAX_EXPORT_RANGE_DAYS = 5 * 366;

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

export const ExportRegisterRequestSchema = z
  .strictObject({
    from: IsoDateSchema,
    to: IsoDateSchema,
    format: z.enum(EXPORT_FORMATS),
    /** The set-up projects to export; all of them when absent. */
    projectKeys: z.array(ProjectKeySchema).min(1).max(100).optional(),
  })
  .superRefine((request, context) => {
    if (request.from > request.to) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
      return;
    }
    const days = (Date.parse(request.to) - Date.parse(request.from)) / DAY_MS + 1;
    if (days > MAX_EXPORT_RANGE_DAYS)
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${String(MAX_EXPORT_RANGE_DAYS)} days after from`,
      });
  });
export type ExportRegisterRequest = z.infer<typeof ExportRegisterRequestSchema>;

export const ExportRegisterResponseSchema = answerSchema({
  format: z.enum(EXPORT_FORMATS),
  /** A file name for the download, e.g. `security-exceptions-2026-01-01-to-2026-12-31.csv`. */
  filename: z.string().min(1),
  /** The export itself: register JSON, or CSV (RFC 4180, CRLF line ends). */
  content: z.string(),
  /** How many exceptions the export holds. */
  exceptions: z.number().int().nonnegative(),
});
export type ExportRegisterResponse = z.infer<typeof ExportRegisterResponseSchema>;
