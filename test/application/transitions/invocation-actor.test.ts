import { claimedActor } from '../../../src/application/transitions/invocation-actor';

describe('claimedActor: every place an invocation may name the actor (ISSUE 6 A2)', () => {
  it.each<[string, unknown, unknown]>([
    ['context.principal.accountId (documented)', {}, { principal: { accountId: 'cy' } }],
    ['context.principal as a string', {}, { principal: 'cy' }],
    ['context.accountId', {}, { accountId: 'cy' }],
    ['payload.user.accountId', { user: { accountId: 'cy' } }, {}],
    ['payload.atlassianId', { atlassianId: 'cy' }, {}],
    ['several places naming the same person', { atlassianId: 'cy' }, { principal: { accountId: 'cy' } }],
  ])('reads %s', (_case, payload, context) => {
    expect(claimedActor(payload, context)).toEqual({ kind: 'named', accountId: 'cy' });
  });

  it.each<[string, unknown, unknown]>([
    ['no context', {}, undefined],
    ['a principal without an account', {}, { principal: {} }],
    [
      'blank and non-string ids',
      { atlassianId: '   ', user: { accountId: 7 } },
      { principal: { accountId: '' } },
    ],
    ['an id longer than Atlassian account ids', {}, { accountId: 'a'.repeat(129) }],
  ])('names no one for %s', (_case, payload, context) => {
    expect(claimedActor(payload, context)).toEqual({ kind: 'none' });
  });

  it('answers conflicting when two places name different people, so the actor is unknown', () => {
    expect(claimedActor({ atlassianId: 'ana' }, { principal: { accountId: 'cy' } })).toEqual({
      kind: 'conflicting',
    });
  });
});
