/**
 * Reads and JSON-parses a file, turning every failure into a CliError that names the file. A UTF-8 byte-order mark
 * (which Excel and Notepad write) is accepted; a member repeated in one object is refused (duplicate-member.ts).
 */
import { CliError } from './cli-error';
import { findDuplicateMember } from './duplicate-member';
import { printableLine } from './printable';

export type ReadText = (path: string) => string;

export const readJsonFile = (path: string, what: string, readText: ReadText): unknown => {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot read ${what} file ${path}: ${reason}`);
  }
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let document: unknown;
  try {
    document = JSON.parse(json) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${path} is not valid JSON: ${reason}`);
  }
  const duplicate = findDuplicateMember(json);
  if (duplicate !== undefined)
    throw new CliError(
      `${path}: ${describeLocation(duplicate.path, document)} has the member "${shortName(duplicate.member)}" more than once; JSON readers disagree on which one counts, so the file is refused. Keep one.`,
    );
  return document;
};

/** A member name as printed: printable and bounded (it comes from the file). */
const shortName = (name: string): string => {
  const shown = printableLine(name);
  return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
};

/** "record 4 (SEC-12)" for a register's exception, else the JSON path, e.g. "policy.tiers.High". */
const describeLocation = (path: readonly (string | number)[], document: unknown): string => {
  const [first, second] = path;
  if (first === 'exceptions' && typeof second === 'number') {
    const exceptions = (document as { exceptions?: unknown }).exceptions;
    const record: unknown = Array.isArray(exceptions) ? exceptions[second] : undefined;
    const key =
      typeof record === 'object' && record !== null && typeof (record as { key?: unknown }).key === 'string'
        ? ` (${shortName((record as { key: string }).key)})`
        : '';
    const inner = path.slice(2).map(String);
    return `record ${second + 1}${key}${inner.length > 0 ? ` at ${inner.map(shortName).join('.')}` : ''}`;
  }
  return path.length === 0 ? 'the document' : `the object at ${path.map(String).map(shortName).join('.')}`;
};
