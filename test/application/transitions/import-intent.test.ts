/**
 * ISSUE 7 item 4: the import's intent lets the app's own replay of a register decision through the validator once,
 * and keeps its post function from recording it again; it never helps a person, another transition, a stale
 * intent or a second use.
 */
import {
  honourImportIntent,
  isImportedMove,
  recordImportIntent,
} from '../../../src/application/transitions/import-intent';
import { validateTransition } from '../../../src/application/transitions/validate-transition';
import { APP_ACCOUNT, exceptionFields, fakeSite, NOW, type FakeSite } from './exception-site';

const ISSUE = { id: '10012', key: 'SEC-12' };

const validate = (site: FakeSite, transition: string, principal: string) => {
  site.issues.put({ ...ISSUE, fields: exceptionFields(), properties: {} });
  return validateTransition(
    {
      issueKey: ISSUE.key,
      configuration: { transition },
      modifiedFields: {},
      actorClaim: { kind: 'named', accountId: principal },
    },
    site.deps(null),
  );
};

const PASS = { answer: { result: true } };

describe('the import intent at the validator', () => {
  it('lets the app make the move once, within its minute', async () => {
    const site = await fakeSite();
    // The app approving on its own is refused (only people approve) ...
    expect((await validate(site, 'approve', APP_ACCOUNT)).answer.result).toBe(false);
    // ... unless the import recorded its intent for this issue and transition: once.
    await recordImportIntent(site.store, ISSUE.id, 'approve', NOW);
    expect(await validate(site, 'approve', APP_ACCOUNT)).toEqual(PASS);
    expect((await validate(site, 'approve', APP_ACCOUNT)).answer.result).toBe(false);
  });

  it.each<[string, (site: FakeSite) => Promise<void>, string, string]>([
    [
      'a person making the move',
      (site) => recordImportIntent(site.store, ISSUE.id, 'approve', NOW),
      'approve',
      'ana',
    ],
    [
      'another transition',
      (site) => recordImportIntent(site.store, ISSUE.id, 'reject', NOW),
      'approve',
      APP_ACCOUNT,
    ],
    [
      'an intent older than a minute',
      async (site) => {
        await recordImportIntent(site.store, ISSUE.id, 'approve', NOW);
        site.clock.set('2026-11-21T09:01:01Z');
      },
      'approve',
      APP_ACCOUNT,
    ],
  ])('does not help %s', async (_name, arrange, transition, principal) => {
    const site = await fakeSite();
    await arrange(site);
    expect((await validate(site, transition, principal)).answer.result).toBe(false);
  });
});

describe('the import intent at the post function', () => {
  const honoured = async (): Promise<FakeSite> => {
    const site = await fakeSite();
    await recordImportIntent(site.store, ISSUE.id, 'approve', NOW);
    expect(
      await honourImportIntent(ISSUE.id, 'approve', { kind: 'named', accountId: APP_ACCOUNT }, site.deps()),
    ).toBe(true);
    return site;
  };

  it('skips the honoured move for its one event, and a redelivery of it, never another event', async () => {
    const site = await honoured();
    expect(await isImportedMove(ISSUE.id, 'approve', APP_ACCOUNT, 'exec-1', site.deps())).toBe(true);
    expect(await isImportedMove(ISSUE.id, 'approve', APP_ACCOUNT, 'exec-1', site.deps())).toBe(true);
    expect(await isImportedMove(ISSUE.id, 'approve', APP_ACCOUNT, 'exec-2', site.deps())).toBe(false);
  });

  it('never skips a person’s move, or a move the validator did not honour', async () => {
    const site = await honoured();
    expect(await isImportedMove(ISSUE.id, 'approve', 'cy', 'exec-1', site.deps())).toBe(false);
    const fresh = await fakeSite();
    await recordImportIntent(fresh.store, ISSUE.id, 'approve', NOW);
    expect(await isImportedMove(ISSUE.id, 'approve', APP_ACCOUNT, 'exec-1', fresh.deps())).toBe(false);
  });
});
