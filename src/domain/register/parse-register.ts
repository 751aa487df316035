/**
 * Reading a register document (DESIGN.md §7) into records, with problems a person can act on: each names the
 * record by its key (or its position when the key itself is unreadable) and the field path inside it.
 */
import type { z } from 'zod';
import { RegisterSchema, type ExceptionRecord, type Register } from '../register-schema';

export interface RegisterProblem {
  /** `SEC-12`, or `exceptions[3]` when the record has no readable key, or null for the document itself. */
  readonly record: string | null;
  /** Dotted path inside the record (or the document), e.g. `history[1].periodEnd`; '' for the whole thing. */
  readonly path: string;
  readonly message: string;
}

export type RegisterParseResult =
  | { readonly ok: true; readonly register: Register }
  | { readonly ok: false; readonly problems: readonly RegisterProblem[] };

const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');

const recordName = (document: unknown, index: number): string => {
  const exceptions = (document as { exceptions?: unknown }).exceptions;
  const record: unknown = Array.isArray(exceptions) ? exceptions[index] : undefined;
  const key = typeof record === 'object' && record !== null ? (record as { key?: unknown }).key : undefined;
  return typeof key === 'string' && key.trim() !== '' ? key : `exceptions[${index}]`;
};

const toProblem = (document: unknown, issue: z.core.$ZodIssue): RegisterProblem => {
  const [first, second, ...rest] = issue.path;
  if (first === 'exceptions' && typeof second === 'number') {
    return { record: recordName(document, second), path: formatPath(rest), message: issue.message };
  }
  return { record: null, path: formatPath(issue.path), message: issue.message };
};

/** A register holds one record per issue key; a repeated key is an import mistake, not two exceptions. */
const duplicateKeyProblems = (exceptions: readonly ExceptionRecord[]): RegisterProblem[] => {
  const firstIndex = new Map<string, number>();
  const problems: RegisterProblem[] = [];
  exceptions.forEach((exception, index) => {
    const first = firstIndex.get(exception.key);
    if (first === undefined) firstIndex.set(exception.key, index);
    else
      problems.push({
        record: exception.key,
        path: 'key',
        message: `is used by exceptions[${first}] and exceptions[${index}]: each issue key may appear once`,
      });
  });
  return problems;
};

/** Validates an already JSON-parsed register document. */
export const parseRegister = (document: unknown): RegisterParseResult => {
  const result = RegisterSchema.safeParse(document);
  if (!result.success)
    return { ok: false, problems: result.error.issues.map((issue) => toProblem(document, issue)) };
  const duplicates = duplicateKeyProblems(result.data.exceptions);
  return duplicates.length === 0 ? { ok: true, register: result.data } : { ok: false, problems: duplicates };
};

/** One line per problem: `SEC-12: history[1].periodEnd: must not be before periodStart`. */
export const describeProblem = (problem: RegisterProblem): string =>
  [problem.record ?? 'register', problem.path === '' ? null : problem.path, problem.message]
    .filter((part): part is string => part !== null)
    .join(': ');
