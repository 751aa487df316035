/**
 * The shape of a use case a resolver calls (src/entry/define-resolver.ts): `run(request, deps)`, and a `guard` on
 * the caller alone (their admin rights) that throws a RefusalError. Calling the use case runs the guard, then
 * `run`, so no caller can skip the check; a resolver calls `guard` first and `run` only once the payload is parsed,
 * so a caller who may not use it learns nothing about what its payload should look like (ISSUE6 B10).
 */
import type { DirectoryPort } from './ports/jira-port';
import { requireJiraAdmin } from './policy/require-jira-admin';

export interface UseCase<Request, Answer, Deps> {
  (request: Request, deps: Deps): Promise<Answer>;
  /** Refuses (throws a RefusalError) a caller who may not use this at all, whatever they send. */
  readonly guard: (deps: Deps) => Promise<void>;
  /** The work itself, once `guard` has passed. */
  readonly run: (request: Request, deps: Deps) => Promise<Answer>;
}

const useCaseOf = <Request, Answer, Deps>(
  guard: (deps: Deps) => Promise<void>,
  run: (request: Request, deps: Deps) => Promise<Answer>,
): UseCase<Request, Answer, Deps> =>
  Object.assign(
    async (request: Request, deps: Deps): Promise<Answer> => {
      await guard(deps);
      return run(request, deps);
    },
    { guard, run },
  );

/** A use case anyone who can reach the resolver may call (what they see is limited by their own Jira identity). */
export const openUseCase = <Request, Answer, Deps>(
  run: (request: Request, deps: Deps) => Promise<Answer>,
): UseCase<Request, Answer, Deps> => useCaseOf(() => Promise.resolve(), run);

export interface AdminCaller {
  /** Jira under the calling user: their admin permission is checked as them. */
  readonly jiraAsUser: Pick<DirectoryPort, 'callerIsJiraAdmin'>;
}

/** A use case for Jira admins only; `notAdmin` is the refusal's sentence for anyone else. */
export const adminUseCase = <Request, Answer, Deps extends AdminCaller>(
  notAdmin: string,
  run: (request: Request, deps: Deps) => Promise<Answer>,
): UseCase<Request, Answer, Deps> =>
  useCaseOf((deps: Deps) => requireJiraAdmin(deps.jiraAsUser, notAdmin), run);
