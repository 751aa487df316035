/** Writing the register format (DESIGN.md §7): the JSON export and the command line's input are the same document. */
import { REGISTER_VERSION, type ExceptionRecord, type Register } from '../register-schema';

export const toRegisterDocument = (
  exceptions: readonly ExceptionRecord[],
  generatedAt: string,
): Register => ({
  version: REGISTER_VERSION,
  generatedAt,
  exceptions: [...exceptions].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })),
});
