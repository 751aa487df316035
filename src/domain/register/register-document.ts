/** Writing the register format (DESIGN.md §7): the JSON export and the command line's input are the same document. */
import { REGISTER_VERSION, type ExceptionRecord, type Register } from '../register-schema';

/** findingProblems is the mapping's note to the validators, not part of the register format (DESIGN.md §7). */
export const withoutMappingNotes = (exception: ExceptionRecord): ExceptionRecord => {
  if (exception.findingProblems === undefined) return exception;
  const copy = { ...exception };
  delete copy.findingProblems;
  return copy;
};

export const toRegisterDocument = (
  exceptions: readonly ExceptionRecord[],
  generatedAt: string,
): Register => ({
  version: REGISTER_VERSION,
  generatedAt,
  exceptions: exceptions
    .map(withoutMappingNotes)
    .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })),
});
