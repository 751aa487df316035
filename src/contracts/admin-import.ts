/**
 * The admin page's register import (DESIGN.md §7, ISSUE 7 item 4): a register file (JSON, or CSV with an optional
 * column mapping) into one set-up project as Exception issues. Shared by src/entry and static/. The file travels in
 * the payload, which Forge caps at 500 KB per invoke from the page (FORGE_NOTES §11); a larger register is split
 * into several files. An answer with `nextCursor` is called again with the same file and that cursor to go on.
 */
import { z } from 'zod';
import { ColumnMappingSchema } from '../domain/register/import/import-columns';
import { answerSchema } from './refusal';

/** Under the 500 KB invoke payload limit, with room for the other members. */
export const MAX_IMPORT_CHARS = 450_000;

export const IMPORT_FORMATS = ['json', 'csv'] as const;

export const ImportRegisterRequestSchema = z.strictObject({
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'must be a Jira project key such as SEC'),
  format: z.enum(IMPORT_FORMATS),
  content: z
    .string()
    .min(1, 'must not be empty')
    .max(
      MAX_IMPORT_CHARS,
      `must be at most ${String(MAX_IMPORT_CHARS)} characters: split the register into several files`,
    ),
  /** CSV only: register member → the file's heading; the export's headings when absent. */
  mapping: ColumnMappingSchema.optional(),
  /** Validate and report what would be created, creating nothing. */
  dryRun: z.boolean().default(false),
  /** Where the previous answer stopped (its `nextCursor`); 0 to start. */
  cursor: z.number().int().nonnegative().default(0),
});
export type ImportRegisterRequest = z.infer<typeof ImportRegisterRequestSchema>;

/** Listed at most this many of each (the counts are whole): an answer stays small whatever the file. */
export const MAX_LISTED = 500;

const Row = z.number().int().positive();

export const ImportRegisterResponseSchema = answerSchema({
  dryRun: z.boolean(),
  /** How rows are numbered in this answer. */
  rowNumbering: z.string(),
  /** Data rows in the file (empty rows aside). */
  rows: z.number().int().nonnegative(),
  counts: z.strictObject({
    created: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
    /** Valid rows not yet processed: to create (dry run), or left for the next call (`nextCursor`). */
    remaining: z.number().int().nonnegative(),
  }),
  created: z.array(z.strictObject({ row: Row, key: z.string() })).max(MAX_LISTED),
  skipped: z.array(z.strictObject({ row: Row, reason: z.string() })).max(MAX_LISTED),
  rejected: z.array(z.strictObject({ row: Row, reasons: z.array(z.string()) })).max(MAX_LISTED),
  /** Call again with this cursor (and the same file) to go on; null when the import is complete. */
  nextCursor: z.number().int().nonnegative().nullable(),
});
export type ImportRegisterResponse = z.infer<typeof ImportRegisterResponseSchema>;
