import { LIFECYCLE_PROPERTY_KEY } from '../../../src/application/lifecycle-property';
import { CURRENT_POLICY_KEY, policyVersionKey } from '../../../src/application/policy/policy-store';
import { recordAutoApproveIntent } from '../../../src/application/transitions/auto-approve-intent';
import {
  CHECK_FAILED_MESSAGE,
  validateTransition,
  type ValidateTransitionRequest,
} from '../../../src/application/transitions/validate-transition';
import { justificationDigest } from '../../../src/domain/justification-digest';
import { PolicySchema } from '../../../src/domain/policy-schema';
import {
  APP_ACCOUNT,
  DEFAULT_VALUES,
  exceptionFields,
  fakeSite,
  SITE_CONFIG,
  type ExceptionValues,
  type FakeSite,
} from './exception-site';

const F = SITE_CONFIG.fields;
const ALL_CHECKS = ['Controls still effective', 'Justification still valid', 'No better option available'];

const UNKNOWN_ACTOR =
  "Could not establish who is making this transition, so it is refused. Try again; if it persists, ask a Jira admin to check the app's permissions.";

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

interface Case {
  transition: string;
  values?: ExceptionValues;
  modifiedFields?: Record<string, unknown>;
  principal?: string;
  history?: unknown[];
}

const run = async (site: FakeSite, spec: Case, actingUser: string | null = null) => {
  site.issues.put({
    id: '10012',
    key: 'SEC-12',
    fields: exceptionFields(spec.values),
    properties:
      spec.history === undefined
        ? {}
        : {
            [LIFECYCLE_PROPERTY_KEY]: {
              version: 1,
              history: spec.history,
              nextActionAt: null,
              policyVersion: 1,
            },
          },
  });
  const request: ValidateTransitionRequest = {
    issueKey: 'SEC-12',
    configuration: { transition: spec.transition },
    modifiedFields: spec.modifiedFields ?? {},
    actorClaim:
      spec.principal === undefined ? { kind: 'none' } : { kind: 'named', accountId: spec.principal },
  };
  return validateTransition(request, site.deps(actingUser));
};

const refusal = (...lines: string[]) => ({ answer: { result: false, errorMessage: lines.join('\n') } });
const PASS = { answer: { result: true } };

describe('validateTransition: approve', () => {
  it.each<[string, Case, unknown]>([
    [
      'a security reviewer approves a complete Medium exception',
      { transition: 'approve', principal: 'cy' },
      PASS,
    ],
    [
      'the requester approves their own exception',
      { transition: 'approve', principal: 'ana' },
      refusal(
        'Segregation of duties: the requester cannot approve their own exception. Ask another approver.',
        'Approving a Medium risk exception needs a member of security-reviewers. Ask one of them to make this transition.',
      ),
    ],
    [
      'the screen raises the rating to High: C-level, evidence, nothing else',
      {
        transition: 'approve',
        principal: 'cy',
        modifiedFields: { [F.riskRating]: { value: 'High', id: '3' } },
      },
      refusal(
        'Approving a High risk exception needs a member of c-level. Ask one of them to make this transition.',
        "Evidence is required for High risk: attach at least one file to the issue (for example a scan report, a configuration screenshot or the vendor's statement).",
      ),
    ],
    [
      'the screen clears the assets and picks a deactivated risk owner',
      {
        transition: 'approve',
        principal: 'cy',
        modifiedFields: { [F.affectedAssets]: null, [F.riskOwner]: { accountId: 'ed' } },
      },
      refusal(
        'The Risk Owner is not an active user: pick an active person accountable for this risk.',
        'Affected Assets needs at least one asset identifier, such as prod-db-01.',
      ),
    ],
    [
      'a risk owner Jira no longer knows (deleted account)',
      { transition: 'approve', principal: 'cy', modifiedFields: { [F.riskOwner]: { accountId: 'gone-1' } } },
      refusal('The Risk Owner is not an active user: pick an active person accountable for this risk.'),
    ],
    [
      'the app itself',
      { transition: 'approve', principal: APP_ACCOUNT },
      refusal(
        'The app cannot approve an exception by hand: a person in the approver group must make this transition.',
        'Approving a Medium risk exception needs a member of security-reviewers. Ask one of them to make this transition.',
      ),
    ],
  ])('%s', async (_case, spec, expected) => {
    expect(await run(await fakeSite(), spec)).toEqual(expected);
  });
});

describe('validateTransition: who is acting', () => {
  it('falls back to myself() under asUser when the context has no principal', async () => {
    expect(await run(await fakeSite(), { transition: 'approve' }, 'cy')).toEqual(PASS);
    expect(await run(await fakeSite(), { transition: 'approve' }, 'ana')).toEqual(
      refusal(
        'Segregation of duties: the requester cannot approve their own exception. Ask another approver.',
        'Approving a Medium risk exception needs a member of security-reviewers. Ask one of them to make this transition.',
      ),
    );
  });

  it.each<[string, string | null]>([
    ['there is no user context either', null],
    ["asUser answers with the app's own account", APP_ACCOUNT],
  ])('fails closed, saying so once, when %s', async (_case, actingUser) => {
    expect(await run(await fakeSite(), { transition: 'approve' }, actingUser)).toEqual(
      refusal(UNKNOWN_ACTOR),
    );
  });
});

describe('validateTransition: auto-approve', () => {
  const LOW_GAP: ExceptionValues = {
    type: 'Endpoint control gap',
    riskRating: null,
    status: 'Submitted',
    affectedAssets: ['laptop-0042'],
  };

  const ONLY_THE_APP =
    'Only the app can auto-approve an exception: use Triage instead, so that an approver can decide in Risk Review.';

  /** A site where triage has just recorded its intent to auto-approve SEC-12 (issue 10012). */
  const siteWithIntent = async () => {
    const site = await fakeSite();
    await recordAutoApproveIntent(site.store, '10012', site.clock.now());
    return site;
  };

  it.each<[string, string | undefined]>([
    ['the app is named as the principal', APP_ACCOUNT],
    ['no principal is named at all', undefined],
  ])('honours triage’s intent once when %s', async (_case, principal) => {
    const site = await siteWithIntent();
    const spec: Case = {
      transition: 'auto-approve',
      values: LOW_GAP,
      ...(principal === undefined ? {} : { principal }),
    };
    expect(await run(site, spec)).toEqual(PASS);
    expect(await run(site, spec)).toEqual(refusal(ONLY_THE_APP));
  });

  it('refuses the app named as principal without an intent: the principal alone proves nothing', async () => {
    expect(
      await run(await fakeSite(), { transition: 'auto-approve', values: LOW_GAP, principal: APP_ACCOUNT }),
    ).toEqual(refusal(ONLY_THE_APP));
  });

  it('refuses an intent older than its minute', async () => {
    const site = await siteWithIntent();
    site.clock.set('2026-11-21T09:01:01Z');
    expect(await run(site, { transition: 'auto-approve', values: LOW_GAP, principal: APP_ACCOUNT })).toEqual(
      refusal(ONLY_THE_APP),
    );
  });

  it('refuses a person, intent or not, and the intent is spent', async () => {
    const site = await siteWithIntent();
    expect(await run(site, { transition: 'auto-approve', values: LOW_GAP, principal: 'cy' })).toEqual(
      refusal(ONLY_THE_APP),
    );
    expect(await run(site, { transition: 'auto-approve', values: LOW_GAP, principal: APP_ACCOUNT })).toEqual(
      refusal(ONLY_THE_APP),
    );
  });

  it('enforces the policy in force, not the default: version 2 turned auto-approval off', async () => {
    const site = await siteWithIntent();
    const v2 = PolicySchema.parse({ version: 2, autoApproveLow: false });
    await site.store.set(policyVersionKey(2), v2);
    await site.store.set(CURRENT_POLICY_KEY, { version: 2 });
    expect(await run(site, { transition: 'auto-approve', values: LOW_GAP, principal: APP_ACCOUNT })).toEqual(
      refusal(
        'Auto-approval is turned off in the policy: a member of security-reviewers must approve this exception.',
      ),
    );
  });
});

describe('validateTransition: recertify and reject', () => {
  const approvedOn = (justification: string) => [
    { at: '2026-11-20T10:00:00Z', action: 'submitted', by: 'ana' },
    {
      at: '2026-09-02T16:00:00Z',
      action: 'approved',
      by: 'cy',
      periodStart: '2026-09-02',
      periodEnd: '2026-12-01',
      policyVersion: 1,
      justificationDigest: justificationDigest(justification),
    },
  ];
  const storedText = DEFAULT_VALUES.justification ?? '';

  it('refuses a recertification with an unticked checklist and the justification it was approved on', async () => {
    const spec: Case = {
      transition: 'recertify',
      principal: 'bo',
      values: { status: 'Recertification', checklist: ['Controls still effective'] },
      history: approvedOn(storedText),
    };
    expect(await run(await fakeSite(), spec)).toEqual(
      refusal(
        'Recertification Checklist is incomplete: "Justification still valid" and "No better option available" are not ticked. All 3 must be true to recertify; otherwise retire the exception or let it lapse.',
        'Business Justification has not changed since the last approval: update it to say why the exception is still needed today.',
      ),
    );
  });

  it('lets the risk owner recertify with every box ticked and a fresh justification on the screen', async () => {
    const spec: Case = {
      transition: 'recertify',
      principal: 'bo',
      values: { status: 'Recertification', checklist: ALL_CHECKS },
      history: approvedOn(storedText),
      modifiedFields: {
        [F.justification]: adf(
          'Partner migration to HTTPS slipped to Q1; settlements still need SFTP until then.',
        ),
      },
    };
    expect(await run(await fakeSite(), spec)).toEqual(PASS);
  });

  it('reads the reason for a rejection from the comment on the transition screen', async () => {
    const site = await fakeSite();
    const withReason = await run(site, {
      transition: 'reject',
      principal: 'cy',
      modifiedFields: { comment: adf('Use the partner HTTPS API instead.') },
    });
    const withoutReason = await run(site, { transition: 'reject', principal: 'cy' });
    expect(withReason).toEqual(PASS);
    expect(withoutReason).toEqual(
      refusal(
        'A reason is required to reject: say in Decision Reason (or in the comment) why the exception is refused and what would make it acceptable.',
      ),
    );
  });
});

describe('validateTransition: bounded messages (ISSUE 6 B10)', () => {
  it('names the Risk Owner by role, never by a display name of any length', async () => {
    const site = await fakeSite();
    site.directory.addUser({ accountId: 'long', displayName: 'L'.repeat(5000), active: false, groups: [] });
    const outcome = await run(site, {
      transition: 'approve',
      principal: 'cy',
      modifiedFields: { [F.riskOwner]: { accountId: 'long' }, [F.affectedAssets]: null },
    });
    expect(outcome.answer.result).toBe(false);
    const message = outcome.answer.result ? '' : outcome.answer.errorMessage;
    expect(message).toBe(
      'The Risk Owner is not an active user: pick an active person accountable for this risk.\nAffected Assets needs at least one asset identifier, such as prod-db-01.',
    );
  });
});

describe('validateTransition: failing closed', () => {
  it.each<[string, unknown]>([
    ['no configuration', {}],
    ['an unknown transition', { transition: 'approve-quickly' }],
    ['a non-string transition', { transition: 7 }],
  ])('refuses with a message for the admin when the rule has %s', async (_case, configuration) => {
    const site = await fakeSite();
    site.issues.put({ id: '10012', key: 'SEC-12', fields: exceptionFields() });
    const outcome = await validateTransition(
      {
        issueKey: 'SEC-12',
        configuration,
        modifiedFields: {},
        actorClaim: { kind: 'named', accountId: 'cy' },
      },
      site.deps(),
    );
    const configured = (configuration as { transition?: unknown }).transition;
    expect(outcome).toEqual(
      refusal(
        `This validator is not configured with a transition the Security Exceptions app knows (its "transition" is ${configured === undefined ? 'missing' : 'not one of them'}), so the transition is refused. A Jira admin can fix it by running the app's setup again, or by setting the validator's configuration to {"transition": "…"} with one of: triage, auto-approve, request-info, approve, reject, start-recertification, recertify, revert, retire.`,
      ),
    );
  });

  it('refuses when the site is not set up', async () => {
    expect(await run(await fakeSite({ setUp: false }), { transition: 'approve', principal: 'cy' })).toEqual(
      refusal(
        "The Security Exceptions app is not set up on this site yet, so the policy cannot be checked. A Jira admin can run the setup on the app's admin page.",
      ),
    );
  });

  it('refuses, and names the error for the log, when Jira cannot be asked', async () => {
    const site = await fakeSite();
    site.directory.unavailable = true;
    expect(await run(site, { transition: 'approve', principal: 'cy' })).toEqual({
      answer: { result: false, errorMessage: CHECK_FAILED_MESSAGE },
      failure: 'FakeJiraError',
    });
  });

  it('refuses with the mapping problems when the form cannot be read as an exception', async () => {
    expect(
      await run(await fakeSite(), {
        transition: 'approve',
        principal: 'cy',
        modifiedFields: { [F.exceptionType]: null },
      }),
    ).toEqual(
      refusal(
        'Exception Type is required: pick MFA bypass, Firewall rule, Vulnerability patch delay, Endpoint control gap, Third-party / vendor access, Legacy system support or Other.',
      ),
    );
  });
});
