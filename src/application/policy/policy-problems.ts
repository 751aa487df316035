/** A submitted policy checked against the domain schema, its problems in the contract's `{path, message}` form. */
import type { z } from 'zod';
import type { PolicyProblem } from '../../contracts/admin-policy';
import { PolicySchema, type Policy } from '../../domain/policy-schema';

const problemsOf = (error: z.ZodError): PolicyProblem[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

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
