/**
 * A submitted policy checked against the domain schema, its problems in the contract's `{path, message}` form:
 * bounded in number and length, naming fields, never quoting values (ISSUE6 B10). A member the caller invented is
 * named only when it is a plain name (an unknown setting is most often a typo the admin needs to see).
 */
import type { z } from 'zod';
import type { PolicyProblem } from '../../contracts/admin-policy';
import { boundMessage, problemPath } from '../../domain/message-bounds';
import { PolicySchema, type Policy } from '../../domain/policy-schema';

/** Beyond this many, one more problem says how many were left out. */
export const MAX_POLICY_PROBLEMS = 30;
const MAX_PROBLEM_MESSAGE = 200;

const problemsOfIssue = (issue: z.core.$ZodIssue): PolicyProblem[] =>
  issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({
        path: problemPath([...issue.path, key]),
        message: 'is not a policy setting',
      }))
    : [{ path: problemPath(issue.path), message: boundMessage(issue.message, MAX_PROBLEM_MESSAGE) }];

const problemsOf = (error: z.ZodError): PolicyProblem[] => {
  const problems = error.issues.flatMap(problemsOfIssue);
  if (problems.length <= MAX_POLICY_PROBLEMS) return problems;
  const more = problems.length - (MAX_POLICY_PROBLEMS - 1);
  return [
    ...problems.slice(0, MAX_POLICY_PROBLEMS - 1),
    { path: '', message: `and ${more} more problems: fix these and check again` },
  ];
};

export type PolicyCheck =
  { readonly ok: true; readonly policy: Policy } | { readonly ok: false; readonly problems: PolicyProblem[] };

/** `document` with the server's own version stamp laid over whatever the client sent for it. */
export const checkPolicy = (
  document: unknown,
  stamp: Pick<Policy, 'version' | 'updatedAt' | 'updatedBy'>,
): PolicyCheck => {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return { ok: false, problems: [{ path: '', message: 'must be a policy document (a JSON object)' }] };
  const parsed = PolicySchema.safeParse({ ...document, ...stamp });
  return parsed.success
    ? { ok: true, policy: parsed.data }
    : { ok: false, problems: problemsOf(parsed.error) };
};
