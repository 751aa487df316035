/**
 * The one way a resolver is built (ISSUE 7 item 0): the use case's guard on the caller first (an admin-only use
 * case checks the caller's Jira admin rights before any payload is looked at: ISSUE6 B10), then the payload parsed
 * with the contract's schema, then the use case over forgeDependencies(). A RefusalError thrown anywhere in it
 * becomes the contract's `{ ok: false, error }`, bounded in size, here and nowhere else; any other error is a fault
 * and reaches Forge as one.
 */
import type { Request } from '@forge/resolver';
import { z } from 'zod';
import { forgeDependencies, type ForgeDependencies } from '../adapters/forge/forge-dependencies';
import { RefusalError } from '../application/refusal-error';
import type { UseCase } from '../application/use-case';
import type { Refusal, RefusalProblem } from '../contracts/refusal';
import { boundMessage } from '../domain/message-bounds';
import { invalidRequestMessage } from './request-problems';

/** What every resolver's use case may draw on: the Forge ports, and the app's id when the invocation names it. */
export interface ResolverDependencies extends ForgeDependencies {
  readonly appId: string | undefined;
}

/**
 * The resolver context's `localId` is the module's extension ARI, `ari:cloud:ecosystem::extension/{appId}/…`
 * (FORGE_NOTES §3, §5): the app's id, which setup needs to find its own workflow rules, without getAppContext.
 */
const ExtensionContextSchema = z.object({
  localId: z.string().regex(/^ari:cloud:ecosystem::extension\/[^/]+\//),
});

const appIdOf = (context: unknown): string | undefined => {
  const parsed = ExtensionContextSchema.safeParse(context);
  return parsed.success ? parsed.data.localId.split('/')[1] : undefined;
};

const boundProblem = (problem: RefusalProblem): RefusalProblem =>
  typeof problem === 'string'
    ? boundMessage(problem)
    : { path: boundMessage(problem.path), message: boundMessage(problem.message) };

/** The refusal as the page receives it; every text in it bounded (src/domain/message-bounds.ts). */
export const refusalOf = (error: RefusalError): Refusal => {
  const { problems, ...detail } = error.detail;
  return {
    ok: false,
    error: {
      ...detail,
      message: boundMessage(detail.message),
      ...(problems === undefined ? {} : { problems: problems.map(boundProblem) }),
    },
  };
};

export const defineResolver =
  <Payload, Answer>(
    schema: z.ZodType<Payload>,
    useCase: UseCase<Payload, Answer, ResolverDependencies>,
    dependencies: () => ForgeDependencies = forgeDependencies,
  ) =>
  async ({ payload, context }: Pick<Request, 'payload' | 'context'>): Promise<Answer | Refusal> => {
    const deps: ResolverDependencies = { ...dependencies(), appId: appIdOf(context) };
    try {
      await useCase.guard(deps);
      const request = schema.safeParse(payload ?? {});
      if (!request.success) throw new RefusalError('invalid-request', invalidRequestMessage(request.error));
      return await useCase.run(request.data, deps);
    } catch (error) {
      if (error instanceof RefusalError) return refusalOf(error);
      throw error;
    }
  };
