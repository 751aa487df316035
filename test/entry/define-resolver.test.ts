/**
 * ISSUE 7 item 0: the one resolver boundary. An admin-only use case's guard runs before the payload is looked at;
 * the payload is parsed with the contract's schema; every RefusalError (from the guard, the parse or deep in the
 * use case) becomes the one refusal contract, bounded in size; anything else is a fault and is not turned into an
 * answer.
 */
import { z } from 'zod';
import type { ForgeDependencies } from '../../src/adapters/forge/forge-dependencies';
import { RefusalError } from '../../src/application/refusal-error';
import { adminUseCase, openUseCase } from '../../src/application/use-case';
import { RefusalSchema } from '../../src/contracts/refusal';
import { MESSAGE_CAP } from '../../src/domain/message-bounds';
import { defineResolver, type ResolverDependencies } from '../../src/entry/define-resolver';

/** Forge's dependencies with only the caller's admin check answered; a use case here touches nothing else. */
const callerWho = (isAdmin: boolean, checks: string[]): (() => ForgeDependencies) => {
  const jiraAsUser = {
    callerIsJiraAdmin: () => {
      checks.push('admin check');
      return Promise.resolve(isAdmin);
    },
  };
  return () => ({ jiraAsUser }) as unknown as ForgeDependencies;
};

const Payload = z.strictObject({ projectKey: z.string().regex(/^[A-Z]+$/, 'must be a project key') });
const EXTENSION = { localId: 'ari:cloud:ecosystem::extension/app-1/env-1/static/exception-admin' };

const echo = (steps: string[]) =>
  adminUseCase(
    'Only a Jira administrator can do this. Nothing was changed.',
    (request: z.infer<typeof Payload>, deps: ResolverDependencies) => {
      steps.push('run');
      return Promise.resolve({ ok: true as const, projectKey: request.projectKey, appId: deps.appId });
    },
  );

describe('defineResolver', () => {
  it('refuses a caller who is not an admin before the payload is parsed, and runs nothing', async () => {
    const steps: string[] = [];
    const resolver = defineResolver(Payload, echo(steps), callerWho(false, steps));
    expect(await resolver({ payload: { projectKey: 'not a key', extra: 1 }, context: EXTENSION })).toEqual({
      ok: false,
      error: { code: 'not-admin', message: 'Only a Jira administrator can do this. Nothing was changed.' },
    });
    expect(steps).toEqual(['admin check']);
  });

  it('answers an admin’s unreadable payload with invalid-request naming the field, not the value', async () => {
    const steps: string[] = [];
    const resolver = defineResolver(Payload, echo(steps), callerWho(true, steps));
    expect(await resolver({ payload: { projectKey: 'hunter2' }, context: EXTENSION })).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          'The admin page sent a request the app does not understand (projectKey: must be a project key). Nothing was changed; reload the page.',
      },
    });
    expect(steps).toEqual(['admin check']);
  });

  it('runs the use case once the guard passed and the payload parsed, with the app id from the context', async () => {
    const steps: string[] = [];
    const resolver = defineResolver(Payload, echo(steps), callerWho(true, steps));
    expect(await resolver({ payload: { projectKey: 'SEC' }, context: EXTENSION })).toEqual({
      ok: true,
      projectKey: 'SEC',
      appId: 'app-1',
    });
    expect(await resolver({ payload: { projectKey: 'SEC' }, context: { localId: 'l1' } })).toEqual({
      ok: true,
      projectKey: 'SEC',
      appId: undefined,
    });
    expect(steps).toEqual(['admin check', 'run', 'admin check', 'run']);
  });

  it('maps a refusal thrown deep in a use case to the contract, every text in it bounded', async () => {
    const long = 'y'.repeat(10_000);
    const resolver = defineResolver(
      z.object({}),
      openUseCase(() =>
        Promise.reject(
          new RefusalError('blocked', long, {
            problems: [long, { path: 'tiers', message: long }],
            report: { created: ['issue type "Exception" (10001)'], adopted: [], skipped: [] },
          }),
        ),
      ),
      callerWho(true, []),
    );
    const answer = RefusalSchema.parse(await resolver({ payload: undefined, context: EXTENSION }));
    expect(answer.error.code).toBe('blocked');
    expect(answer.error.message).toBe(`${'y'.repeat(MESSAGE_CAP - 1)}…`);
    expect(answer.error.problems).toEqual([
      `${'y'.repeat(MESSAGE_CAP - 1)}…`,
      { path: 'tiers', message: `${'y'.repeat(MESSAGE_CAP - 1)}…` },
    ]);
    expect(answer.error.report).toEqual({
      created: ['issue type "Exception" (10001)'],
      adopted: [],
      skipped: [],
    });
  });

  it('lets a fault that is not a refusal reach Forge as a fault', async () => {
    const fault = new Error('Jira answered 500 to GET /rest/api/3/project/{projectIdOrKey}');
    const resolver = defineResolver(
      z.object({}),
      openUseCase(() => Promise.reject(fault)),
      callerWho(true, []),
    );
    await expect(resolver({ payload: {}, context: EXTENSION })).rejects.toBe(fault);
  });
});

describe('adminUseCase called directly (not through a resolver)', () => {
  it('checks the caller itself, so no caller can skip the check', async () => {
    const steps: string[] = [];
    const useCase = echo(steps);
    const deps = { ...callerWho(false, steps)(), appId: undefined };
    await expect(useCase({ projectKey: 'SEC' }, deps)).rejects.toMatchObject({
      name: 'RefusalError',
      code: 'not-admin',
      message: 'Only a Jira administrator can do this. Nothing was changed.',
    });
    expect(steps).toEqual(['admin check']);
  });
});
