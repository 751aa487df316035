import { evaluateTransition, formatViolations, TRANSITION_RULES } from '../../src/domain/evaluate-transition';
import type { TransitionName, Violation } from '../../src/domain/rules/rule';
import { REQUESTER, RISK_OWNER } from '../builders/exception-record';
import { IN_RECERTIFICATION, RENEWAL_EDITS } from './rules/recertification';
import { APP, OUTSIDER, REVIEWER, ruleInput, user, type Scenario } from './rules/rule-input';

const evaluate = (name: TransitionName, scenario: Scenario = {}) => {
  const input = ruleInput({ ...scenario, transition: { name, comment: '', ...scenario.transition } });
  return evaluateTransition(
    input.transition,
    input.before,
    input.after,
    input.actor,
    input.policy,
    input.now,
  );
};

const UNKNOWN_ACTOR: Violation = {
  code: 'actor-unknown',
  message:
    "Could not establish who is making this transition, so it is refused. Try again; if it persists, ask a Jira admin to check the app's permissions.",
};

const LOW_ENDPOINT_GAP = { type: 'Endpoint control gap', riskRating: null, status: 'Submitted' } as const;

describe('TRANSITION_RULES', () => {
  it('wires each transition to its rules, in the order their messages are shown', () => {
    const codes = Object.fromEntries(
      Object.entries(TRANSITION_RULES).map(([name, rules]) => [name, rules.map((rule) => rule.code)]),
    );
    const form = [
      'justification-missing',
      'justification-is-template',
      'justification-too-short',
      'risk-owner-missing',
      'risk-owner-inactive',
      'risk-owner-without-access',
      'risk-owner-is-requester',
      'compensating-controls-missing',
      'expiration-date-missing',
      'expiration-date-not-future',
      'expiration-date-too-far',
      'affected-assets-missing',
      'remediation-plan-missing',
      'findings-invalid',
      'findings-missing',
    ];
    expect(codes).toEqual({
      triage: form,
      approve: [
        'approver-is-app',
        'segregation-of-duties',
        'approver-not-in-group',
        ...form,
        'risk-rating-missing',
        'evidence-missing',
      ],
      'auto-approve': [
        'auto-approve-not-by-app',
        'auto-approve-tier-not-low',
        'auto-approve-disabled',
        'auto-approve-type-not-allowed',
        ...form,
        'auto-approve-controls-missing',
        'evidence-missing',
      ],
      'request-info': ['segregation-of-duties', 'actor-not-reviewer'],
      reject: ['segregation-of-duties', 'approver-not-in-group', 'rejection-reason-missing'],
      'start-recertification': ['recertification-start-not-permitted'],
      recertify: [
        'segregation-of-duties',
        'recertifier-not-permitted',
        'recertification-checklist-incomplete',
        'justification-unchanged',
        'justification-missing',
        'justification-is-template',
        'justification-too-short',
        'expiration-date-missing',
        'expiration-date-not-future',
        'expiration-date-too-far',
        'cumulative-cap-reached',
      ],
      revert: ['revert-not-permitted', 'revert-comment-missing'],
      retire: ['retire-not-permitted'],
    });
  });
});

describe('evaluateTransition', () => {
  it.each<[TransitionName, string, Scenario]>([
    [
      'triage',
      'a complete form, triaged by the app on create',
      { actor: APP, record: { status: 'Submitted' } },
    ],
    [
      'triage',
      'a complete form, triaged by a reviewer',
      { actor: REVIEWER, record: { status: 'Submitted' } },
    ],
    ['approve', 'a Medium exception approved by a security reviewer', { actor: REVIEWER }],
    [
      'approve',
      'a High exception with evidence approved by C-level',
      { actor: user('acc-ceo-dee', ['c-level']), record: { riskRating: 'High' } },
    ],
    [
      'auto-approve',
      'a Low endpoint gap with controls, by the app',
      { actor: APP, record: LOW_ENDPOINT_GAP },
    ],
    ['request-info', 'a reviewer asking for more', { actor: REVIEWER }],
    [
      'reject',
      'a reviewer giving a reason',
      { actor: REVIEWER, transition: { comment: 'Use the partner VPN.' } },
    ],
    ['start-recertification', 'the schedule', { actor: APP, record: { status: 'Approved' } }],
    [
      'recertify',
      'the risk owner renewing with a fresh justification',
      { actor: user(RISK_OWNER.accountId), record: IN_RECERTIFICATION, edits: RENEWAL_EDITS },
    ],
    ['revert', 'the app at expiry', { actor: APP, record: { status: 'Approved' } }],
    [
      'revert',
      'a reviewer saying what to restore',
      { actor: REVIEWER, record: { status: 'Approved' }, transition: { comment: 'Close port 22 again.' } },
    ],
    ['retire', 'the requester', { actor: user(REQUESTER.accountId), record: { status: 'Approved' } }],
  ])('%s passes %s', (name, _description, scenario) => {
    expect(evaluate(name, scenario)).toEqual({ ok: true, violations: [] });
  });

  it.each<[TransitionName, string, Scenario, Violation[]]>([
    [
      'triage',
      'an incomplete legacy-system form',
      {
        actor: APP,
        record: {
          status: 'Submitted',
          type: 'Legacy system support',
          riskRating: null,
          justification: 'Old CRM',
          riskOwner: null,
          compensatingControls: '',
          expirationDate: '2027-03-01',
          affectedAssets: [],
          remediationPlan: '',
        },
      },
      [
        {
          code: 'justification-too-short',
          message:
            'Business Justification is too short: 6 letters or digits, the policy asks for at least 40. Explain the need and the business impact; spaces, punctuation and invisible characters do not count.',
        },
        {
          code: 'risk-owner-missing',
          message: 'Risk Owner is required: pick the person accountable for this risk.',
        },
        {
          code: 'compensating-controls-missing',
          message:
            'Compensating Controls is required for High risk: describe what limits the exposure (for example IP allow-listing and daily log review).',
        },
        {
          code: 'expiration-date-too-far',
          message:
            'Expiration Date 2027-03-01 is more than 90 days after today (2026-11-21): the longest this High risk exception may run is until 2027-02-19.',
        },
        {
          code: 'affected-assets-missing',
          message: 'Affected Assets needs at least one asset identifier, such as prod-db-01.',
        },
        {
          code: 'remediation-plan-missing',
          message:
            'Remediation Plan is required for Legacy system support: describe the interim plan to migrate off the legacy system.',
        },
      ],
    ],
    [
      'approve',
      'the requester approving their own High exception with a stale form',
      {
        actor: user(REQUESTER.accountId, ['security-reviewers']),
        record: {
          riskRating: 'High',
          justification:
            'Why is this exception needed? What breaks without it, for whom, and what is the business impact?',
          riskOwner: { ...RISK_OWNER, active: false },
          expirationDate: '2026-11-20',
          attachmentCount: 0,
        },
      },
      [
        {
          code: 'segregation-of-duties',
          message:
            'Segregation of duties: the requester cannot approve their own exception. Ask another approver.',
        },
        {
          code: 'approver-not-in-group',
          message:
            'Approving a High risk exception needs a member of c-level. Ask one of them to make this transition.',
        },
        {
          code: 'justification-is-template',
          message:
            'Business Justification is still the template text: replace it with the need and the business impact.',
        },
        {
          code: 'risk-owner-inactive',
          message: 'The Risk Owner is not an active user: pick an active person accountable for this risk.',
        },
        {
          code: 'expiration-date-not-future',
          message:
            'Expiration Date 2026-11-20 is not in the future (today is 2026-11-21): pick a later date.',
        },
        {
          code: 'evidence-missing',
          message:
            "Evidence is required for High risk: attach at least one file to the issue (for example a scan report, a configuration screenshot or the vendor's statement).",
        },
      ],
    ],
    [
      'approve',
      'an unknown actor, reported once although three rules need the actor',
      { actor: null, edits: { riskRating: null } },
      [
        UNKNOWN_ACTOR,
        {
          code: 'risk-rating-missing',
          message: 'Risk Rating is required to approve: set it to Low, Medium, High or Critical.',
        },
      ],
    ],
    [
      'approve',
      'the app',
      { actor: APP },
      [
        {
          code: 'approver-is-app',
          message:
            'The app cannot approve an exception by hand: a person in the approver group must make this transition.',
        },
        {
          code: 'approver-not-in-group',
          message:
            'Approving a Medium risk exception needs a member of security-reviewers. Ask one of them to make this transition.',
        },
      ],
    ],
    [
      'auto-approve',
      'a person auto-approving a provisional Medium firewall rule without a justification',
      { actor: REVIEWER, record: { status: 'Submitted', riskRating: null, justification: '' } },
      [
        {
          code: 'auto-approve-not-by-app',
          message:
            'Only the app can auto-approve an exception: use Triage instead, so that an approver can decide in Risk Review.',
        },
        {
          code: 'auto-approve-tier-not-low',
          message:
            'Only Low risk exceptions can be auto-approved: this one is Medium risk, so a member of security-reviewers must approve it.',
        },
        {
          code: 'auto-approve-type-not-allowed',
          message:
            'The policy does not allow auto-approval of Firewall rule exceptions: a member of security-reviewers must approve it.',
        },
        {
          code: 'justification-missing',
          message: 'Business Justification is required: explain the need and the business impact.',
        },
      ],
    ],
    [
      'auto-approve',
      'the app, with auto-approval off and no compensating controls',
      {
        actor: APP,
        policy: { autoApproveLow: false },
        record: { ...LOW_ENDPOINT_GAP, compensatingControls: '' },
      },
      [
        {
          code: 'auto-approve-disabled',
          message:
            'Auto-approval is turned off in the policy: a member of security-reviewers must approve this exception.',
        },
        {
          code: 'auto-approve-controls-missing',
          message:
            'Compensating Controls is required for auto-approval: describe what limits the exposure (for example IP allow-listing and daily log review).',
        },
      ],
    ],
    [
      'request-info',
      'someone who is not a reviewer',
      { actor: OUTSIDER },
      [
        {
          code: 'actor-not-reviewer',
          message:
            'Only a reviewer can request more information: ask a member of security-reviewers or c-level.',
        },
      ],
    ],
    ['request-info', 'an unknown actor', { actor: null }, [UNKNOWN_ACTOR]],
    [
      'reject',
      'someone outside the tier without a reason',
      { actor: OUTSIDER },
      [
        {
          code: 'approver-not-in-group',
          message:
            'Rejecting a Medium risk exception needs a member of security-reviewers. Ask one of them to make this transition.',
        },
        {
          code: 'rejection-reason-missing',
          message:
            'A reason is required to reject: say in Decision Reason (or in the comment) why the exception is refused and what would make it acceptable.',
        },
      ],
    ],
    [
      'start-recertification',
      'someone else',
      { actor: OUTSIDER, record: { status: 'Approved' } },
      [
        {
          code: 'recertification-start-not-permitted',
          message:
            'Only the app, the risk owner or a member of security-reviewers can start recertification of this exception.',
        },
      ],
    ],
    [
      'recertify',
      'someone else renewing an unchanged case for too long',
      {
        actor: OUTSIDER,
        policy: { cumulativeCapDays: 150 },
        record: IN_RECERTIFICATION,
        edits: {
          expirationDate: '2027-03-01',
          recertificationChecklist: {
            'Controls still effective': true,
            'Justification still valid': false,
            'No better option available': true,
          },
        },
      },
      [
        {
          code: 'recertifier-not-permitted',
          message: 'Only the risk owner or a member of security-reviewers can recertify this exception.',
        },
        {
          code: 'recertification-checklist-incomplete',
          message:
            'Recertification Checklist is incomplete: "Justification still valid" is not ticked. All 3 must be true to recertify; otherwise retire the exception or let it lapse.',
        },
        {
          code: 'justification-unchanged',
          message:
            'Business Justification has not changed since the last approval: update it to say why the exception is still needed today.',
        },
        {
          code: 'expiration-date-too-far',
          message:
            'Expiration Date 2027-03-01 is more than 90 days after today (2026-11-21): the longest this Medium risk exception may run is until 2027-02-19.',
        },
        {
          code: 'cumulative-cap-reached',
          message:
            "Cumulative cap reached: this exception has been granted 91 days so far, and renewing it until 2027-03-01 adds 90 more (181 in total), over the policy's cap of 150 days; the furthest a renewal may run is until 2027-01-29. Escalate it for a permanent fix or remediate instead of renewing.",
        },
      ],
    ],
    [
      'revert',
      'someone outside security without a comment',
      { actor: OUTSIDER, record: { status: 'Approved' } },
      [
        {
          code: 'revert-not-permitted',
          message:
            'Only the app (at expiry) or a member of security-reviewers or c-level can revert an exception.',
        },
        {
          code: 'revert-comment-missing',
          message:
            'A reason is required to revert: say in Decision Reason (or in the comment) what must be restored, for example "Remove the temporary firewall rule and restore the baseline rule set."',
        },
      ],
    ],
    [
      'retire',
      'someone else',
      { actor: OUTSIDER, record: { status: 'Approved' } },
      [
        {
          code: 'retire-not-permitted',
          message:
            'Only the risk owner, the requester or a member of security-reviewers or c-level can retire this exception.',
        },
      ],
    ],
    ['retire', 'an unknown actor', { actor: null, record: { status: 'Approved' } }, [UNKNOWN_ACTOR]],
  ])('%s refuses %s with every violation, in order', (name, _description, scenario, violations) => {
    expect(evaluate(name, scenario)).toEqual({ ok: false, violations });
  });
});

describe('formatViolations', () => {
  it('is empty when nothing is violated', () => {
    expect(formatViolations([])).toBe('');
  });

  it('puts one message on each line, in order, for the validator errorMessage', () => {
    const { violations } = evaluate('reject', { actor: OUTSIDER });
    expect(formatViolations(violations)).toBe(
      'Rejecting a Medium risk exception needs a member of security-reviewers. Ask one of them to make this transition.\n' +
        'A reason is required to reject: say in Decision Reason (or in the comment) why the exception is refused and what would make it acceptable.',
    );
  });

  it('writes a single message without a line break', () => {
    expect(formatViolations([UNKNOWN_ACTOR])).toBe(UNKNOWN_ACTOR.message);
  });
});
