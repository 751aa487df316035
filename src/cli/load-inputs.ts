/** Loads the register and the policy named on the command line, reporting problems with file, record and path. */
import { defaultPolicy, PolicySchema, type Policy } from '../domain/policy-schema';
import { describeProblem, parseRegister } from '../domain/register';
import type { Register } from '../domain/register-schema';
import { CliError } from './cli-error';
import { readJsonFile, type ReadText } from './read-json-file';

/** At most this many problems are listed; a spreadsheet import gone wrong can produce thousands. */
const MAX_PROBLEMS_SHOWN = 20;

export const loadRegister = (path: string, readText: ReadText): Register => {
  const result = parseRegister(readJsonFile(path, 'register', readText));
  if (result.ok) return result.register;
  const shown = result.problems
    .slice(0, MAX_PROBLEMS_SHOWN)
    .map((problem) => `${path}: ${describeProblem(problem)}`);
  const hidden = result.problems.length - shown.length;
  throw new CliError(
    [...shown, ...(hidden > 0 ? [`${path}: … and ${hidden} more problems`] : [])].join('\n'),
  );
};

export const loadPolicy = (path: string | undefined, readText: ReadText): Policy => {
  if (path === undefined) return defaultPolicy();
  const result = PolicySchema.safeParse(readJsonFile(path, 'policy', readText));
  if (result.success) return result.data;
  throw new CliError(
    result.error.issues
      .map(
        (issue) => `${path}: policy: ${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`,
      )
      .join('\n'),
  );
};
