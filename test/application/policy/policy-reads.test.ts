import { answerOf } from '../answer-of';
import { getPolicy } from '../../../src/application/policy/get-policy';
import { listPolicyVersions } from '../../../src/application/policy/list-policy-versions';
import { policyVersionKey } from '../../../src/application/policy/policy-store';
import { savePolicy } from '../../../src/application/policy/save-policy';
import { storeDefaultPolicy } from '../../../src/application/policy/store-default-policy';
import { validatePolicy } from '../../../src/application/policy/validate-policy';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import { NOW, policySite, snapshot } from './policy-site';

const refusedFor = (what: string) => ({
  ok: false,
  error: {
    code: 'not-admin',
    message: `Only Jira administrators can ${what}. Nothing was changed; ask a Jira admin if the policy needs to change.`,
  },
});

describe('getPolicy', () => {
  it('answers the default, not stored, before anything is stored', async () => {
    const { admin } = policySite();
    expect(await answerOf(getPolicy({}, admin))).toEqual({
      ok: true,
      policy: defaultPolicy(),
      stored: false,
    });
  });

  it('answers the version in force', async () => {
    const { store, admin } = policySite();
    await storeDefaultPolicy({ store });
    await savePolicy({ policy: { ...defaultPolicy(), cumulativeCapDays: 300 }, baseVersion: 1 }, admin);
    expect(await answerOf(getPolicy({}, admin))).toMatchObject({
      ok: true,
      stored: true,
      policy: { version: 2, cumulativeCapDays: 300, updatedBy: 'cy', updatedAt: NOW },
    });
  });
});

describe('validatePolicy', () => {
  it.each<[string, unknown, unknown]>([
    ['a valid draft', { ...defaultPolicy(), autoApproveLow: false }, { ok: true, valid: true, problems: [] }],
    [
      'a chronic threshold beyond the cap',
      { version: 1, cumulativeCapDays: 100 },
      {
        ok: true,
        valid: false,
        problems: [
          {
            path: 'chronic.cumulativeDays',
            message: 'must not exceed cumulativeCapDays (100): a case is chronic before it is capped',
          },
        ],
      },
    ],
    [
      'something that is not a document',
      'be strict',
      {
        ok: true,
        valid: false,
        problems: [{ path: '', message: 'must be a policy document (a JSON object)' }],
      },
    ],
  ])('checks %s', async (_case, policy, expected) => {
    const { admin } = policySite();
    expect(await answerOf(validatePolicy({ policy }, admin))).toEqual(expected);
  });
});

describe('listPolicyVersions', () => {
  it('lists every version newest first, marking the one in force and leaving out one never put in force', async () => {
    const { store, admin } = policySite();
    await storeDefaultPolicy({ store });
    await savePolicy({ policy: defaultPolicy(), baseVersion: 1 }, admin);
    // A save that crashed between writing version 3 and moving the pointer.
    await store.set(policyVersionKey(3), { ...defaultPolicy(), version: 3 });
    expect(await answerOf(listPolicyVersions({}, admin))).toEqual({
      ok: true,
      versions: [
        { version: 2, updatedAt: NOW, updatedBy: 'cy', current: true },
        { version: 1, updatedAt: null, updatedBy: null, current: false },
      ],
    });
  });
});

describe('policy reads for a caller who is not a Jira admin', () => {
  it.each<[string, (deps: ReturnType<typeof policySite>['nonAdmin']) => Promise<unknown>, string]>([
    ['getPolicy', (deps) => answerOf(getPolicy({}, deps)), 'read the security exception policy here'],
    [
      'validatePolicy',
      (deps) => answerOf(validatePolicy({ policy: defaultPolicy() }, deps)),
      'check a security exception policy',
    ],
    [
      'listPolicyVersions',
      (deps) => answerOf(listPolicyVersions({}, deps)),
      'see the versions of the security exception policy',
    ],
  ])('%s is refused and nothing changes', async (_name, call, what) => {
    const { store, nonAdmin } = policySite();
    await storeDefaultPolicy({ store });
    const before = await snapshot(store);
    expect(await call(nonAdmin)).toEqual(refusedFor(what));
    expect(await snapshot(store)).toEqual(before);
  });
});

describe('storeDefaultPolicy', () => {
  it('stores version 1 once; a later install or upgrade keeps the policy an admin saved', async () => {
    const { store, admin } = policySite();
    expect(await storeDefaultPolicy({ store })).toBe('stored');
    expect(await snapshot(store)).toEqual({
      'policy:current': { version: 1 },
      'policy:v000001': defaultPolicy(),
    });
    await savePolicy({ policy: { ...defaultPolicy(), autoApproveLow: false }, baseVersion: 1 }, admin);
    const saved = await snapshot(store);
    expect(await storeDefaultPolicy({ store })).toBe('policy-exists');
    expect(await snapshot(store)).toEqual(saved);
  });

  it('leaves the first policy to an admin save in progress', async () => {
    const { store } = policySite();
    await store.setIfAbsent('policy:save-lock', { by: 'cy' }, 30);
    expect(await storeDefaultPolicy({ store })).toBe('save-in-progress');
    expect(store.keys()).toEqual(['policy:save-lock']);
  });
});
