import { answerOf } from '../answer-of';
import { savePolicy } from '../../../src/application/policy/save-policy';
import { POLICY_SAVE_LOCK_KEY } from '../../../src/application/policy/policy-store';
import { storeDefaultPolicy } from '../../../src/application/policy/store-default-policy';
import { defaultPolicy, PolicySchema } from '../../../src/domain/policy-schema';
import { NOW, policySite, snapshot } from './policy-site';

const stricter = () => ({ ...defaultPolicy(), justificationMinLength: 60 });

describe('savePolicy', () => {
  it('saves version n + 1 stamped with who and when, and keeps version n', async () => {
    const { store, admin } = policySite();
    await storeDefaultPolicy({ store });
    const outcome = await answerOf(savePolicy({ policy: stricter(), baseVersion: 1 }, admin));
    const saved = PolicySchema.parse({ ...stricter(), version: 2, updatedAt: NOW, updatedBy: 'cy' });
    expect(outcome).toEqual({ ok: true, policy: saved });
    expect(await snapshot(store)).toEqual({
      'policy:current': { version: 2 },
      'policy:v000001': defaultPolicy(),
      'policy:v000002': saved,
    });
  });

  it('saves version 1 when nothing was stored yet, ignoring the stamp the page sent', async () => {
    const { store, admin } = policySite();
    const outcome = await answerOf(
      savePolicy(
        {
          policy: { ...stricter(), version: 41, updatedBy: 'mallory', updatedAt: '2020-01-01T00:00:00Z' },
          baseVersion: null,
        },
        admin,
      ),
    );
    expect(outcome).toMatchObject({ ok: true, policy: { version: 1, updatedAt: NOW, updatedBy: 'cy' } });
    expect(Object.keys(await snapshot(store))).toEqual(['policy:current', 'policy:v000001']);
  });

  it.each<[string, number | null, string]>([
    [
      'an older version',
      1,
      'The policy has changed since you opened it: you edited version 1, and version 2 is now in force. Nothing was saved; reload the policy, make your changes again and save.',
    ],
    [
      'the default, when a version is stored',
      null,
      'The policy has changed since you opened it: you edited the default policy, and version 2 is now in force. Nothing was saved; reload the policy, make your changes again and save.',
    ],
    [
      'a version that does not exist yet',
      3,
      'The policy has changed since you opened it: you edited version 3, and version 2 is now in force. Nothing was saved; reload the policy, make your changes again and save.',
    ],
  ])('refuses a save based on %s, and changes nothing', async (_case, baseVersion, message) => {
    const { store, admin } = policySite();
    await storeDefaultPolicy({ store });
    await savePolicy({ policy: stricter(), baseVersion: 1 }, admin);
    const before = await snapshot(store);
    expect(await answerOf(savePolicy({ policy: defaultPolicy(), baseVersion }, admin))).toEqual({
      ok: false,
      error: { code: 'version-conflict', message },
    });
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses an invalid policy with every problem, and changes nothing', async () => {
    const { store, admin } = policySite();
    await storeDefaultPolicy({ store });
    const before = await snapshot(store);
    const policy = {
      ...defaultPolicy(),
      tiers: { ...defaultPolicy().tiers, High: { maxDurationDays: 90, approverGroups: [] } },
      justificationMinLength: -1,
      colour: 'red',
    };
    expect(await answerOf(savePolicy({ policy, baseVersion: 1 }, admin))).toEqual({
      ok: false,
      error: {
        code: 'invalid-policy',
        message: 'The policy was not saved: fix the problems listed and save again.',
        problems: [
          { path: 'tiers.High.approverGroups', message: 'must name at least one Jira group' },
          {
            path: 'justificationMinLength',
            message: 'must be a whole number of letters or digits from 0 to 2000',
          },
          { path: 'colour', message: 'is not a policy setting' },
        ],
      },
    });
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses a caller who is not a Jira admin, and changes nothing', async () => {
    const { store, nonAdmin } = policySite();
    await storeDefaultPolicy({ store });
    const before = await snapshot(store);
    expect(await answerOf(savePolicy({ policy: stricter(), baseVersion: 1 }, nonAdmin))).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message:
          'Only Jira administrators can change the security exception policy. Nothing was changed; ask a Jira admin if the policy needs to change.',
      },
    });
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses while another save holds the lock, and releases its own lock after saving', async () => {
    const { store, admin } = policySite();
    await storeDefaultPolicy({ store });
    await store.setIfAbsent(POLICY_SAVE_LOCK_KEY, { by: 'dee' }, 30);
    expect(await answerOf(savePolicy({ policy: stricter(), baseVersion: 1 }, admin))).toEqual({
      ok: false,
      error: {
        code: 'version-conflict',
        message:
          'Another policy change is being saved at this moment. Nothing was saved; reload the policy and try again.',
      },
    });
    await store.delete(POLICY_SAVE_LOCK_KEY);
    await savePolicy({ policy: stricter(), baseVersion: 1 }, admin);
    expect(store.keys()).toEqual(['policy:current', 'policy:v000001', 'policy:v000002']);
  });

  it('gives two concurrent saves on the same base one version: the second is refused', async () => {
    const { store, admin } = policySite();
    await storeDefaultPolicy({ store });
    const outcomes = await Promise.all([
      answerOf(savePolicy({ policy: stricter(), baseVersion: 1 }, admin)),
      answerOf(savePolicy({ policy: { ...stricter(), justificationMinLength: 80 }, baseVersion: 1 }, admin)),
    ]);
    expect(outcomes.map((outcome) => outcome.ok).sort()).toEqual([false, true]);
    expect(store.keys()).toEqual(['policy:current', 'policy:v000001', 'policy:v000002']);
  });
});
