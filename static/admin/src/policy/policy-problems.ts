/**
 * Where each problem of a draft policy is shown: the domain schema's own issues (checked in the page as the person
 * types) and the validatePolicy / savePolicy problems, both `{ path, message }` with the path joined by dots, so a
 * field shows the problems of its path and of anything under it.
 */
import type { PolicyProblem } from '@contracts/admin-policy';
import { PolicySchema, type Policy } from '@contracts/policy-document';
import { pathKey, type PolicyPath } from './draft-path';

export type LocalCheck =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

export const checkDraft = (draft: unknown): LocalCheck => {
  const parsed = PolicySchema.safeParse(draft);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: pathKey(issue.path.map((key) => (typeof key === 'number' ? key : String(key)))),
      message: issue.message,
    })),
  };
};

export const problemsUnder = (
  problems: readonly PolicyProblem[],
  path: PolicyPath,
): readonly PolicyProblem[] => {
  const key = pathKey(path);
  return problems.filter((problem) => problem.path === key || problem.path.startsWith(`${key}.`));
};
