import { ExceptionFormSchema } from '../../src/domain/form-schema';
import { justificationDigest } from '../../src/domain/justification-digest';
import { DEFAULT_JUSTIFICATION_TEMPLATE, defaultPolicy, PolicySchema } from '../../src/domain/policy-schema';
import { ExceptionRecordSchema, HistoryEntrySchema, IsoDateSchema } from '../../src/domain/register-schema';
import { EXCEPTION_TYPES, raiseOneStep } from '../../src/domain/vocabulary';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);

describe('register record schema', () => {
  const minimal = {
    key: 'SEC-1',
    type: 'Other',
    status: 'Submitted',
    requester: { accountId: 'a1' },
    createdAt: '2026-11-01T10:00:00Z',
    unknownMember: 'ignored',
  };

  it('fills defaults and reads null text as empty', () => {
    expect(ExceptionRecordSchema.parse({ ...minimal, justification: null })).toEqual({
      key: 'SEC-1',
      summary: '',
      type: 'Other',
      urgency: null,
      riskRating: null,
      status: 'Submitted',
      requester: { accountId: 'a1', displayName: '' },
      riskOwner: null,
      justification: '',
      compensatingControls: '',
      expirationDate: null,
      affectedAssets: [],
      remediationPlan: '',
      attachmentCount: 0,
      recertificationChecklist: null,
      createdAt: '2026-11-01T10:00:00Z',
      history: [],
    });
  });

  it('defaults an owner without `active` to active', () => {
    expect(ExceptionRecordSchema.parse({ ...minimal, riskOwner: { accountId: 'b2' } }).riskOwner).toEqual({
      accountId: 'b2',
      displayName: '',
      active: true,
    });
  });

  it.each([
    { value: '2026-02-29', ok: false },
    { value: '2028-02-29', ok: true },
    { value: '2026-13-01', ok: false },
    { value: '2026-1-01', ok: false },
  ])('IsoDateSchema($value) ok=$ok', ({ value, ok }) => {
    expect(IsoDateSchema.safeParse(value).success).toBe(ok);
  });

  it.each([
    {
      name: 'a period entry without its end',
      input: { at: '2026-09-02T16:00:00Z', action: 'recertified', by: 'b2', periodStart: '2026-09-02' },
      errors: ['periodEnd: is required on a "recertified" entry (it opens a new approval period)'],
    },
    {
      name: 'a period ending before it starts',
      input: {
        at: '2026-09-02T16:00:00Z',
        action: 'approved',
        by: 'c3',
        periodStart: '2026-09-02',
        periodEnd: '2026-09-01',
      },
      errors: ['periodEnd: must not be before periodStart'],
    },
    {
      name: 'a reminder without its kind',
      input: { at: '2026-09-02T16:00:00Z', action: 'reminded', by: null },
      errors: ['reminder: is required on a "reminded" entry ("75%" or "14d")'],
    },
    {
      name: 'a time without a zone',
      input: { at: '2026-09-02T16:00:00', action: 'submitted', by: 'a1' },
      errors: ['at: must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z'],
    },
  ])('rejects $name', ({ input, errors }) => {
    expect(messages(HistoryEntrySchema.safeParse(input))).toEqual(errors);
  });
});

describe('policy schema', () => {
  it('has the defaults of the process guide', () => {
    const policy = defaultPolicy();
    expect(policy).toMatchObject({
      version: 1,
      autoApproveLow: true,
      urgentAssetThreshold: 3,
      compensatingControlsFromTier: 'Medium',
      evidenceFromTier: 'High',
      justificationMinLength: 40,
      justificationTemplate: DEFAULT_JUSTIFICATION_TEMPLATE,
      riskOwnerMayBeRequester: false,
      decisionSlaHours: { Urgent: 24, Standard: 120 },
      cumulativeCapDays: 365,
      chronic: { recertifications: 2, cumulativeDays: 180 },
      reminders: { fractionOfPeriod: 0.75, daysBeforeExpiry: 14 },
      kpi: { assetInventorySize: null, assetsExceptedTarget: 0.05, decisionTargetHours: 48 },
    });
    expect(Object.values(policy.tiers).map((tier) => tier.maxDurationDays)).toEqual([90, 90, 90, 90]);
    expect(policy.tiers.High.approverGroups).toEqual(['c-level']);
    expect(policy.tiers.Medium.approverGroups).toEqual(['security-reviewers']);
    expect(Object.keys(policy.packs)).toEqual([...EXCEPTION_TYPES]);
    expect(policy.packs['Firewall rule'].defaultRating).toBe('Medium');
    expect(policy.packs['MFA bypass'].defaultRating).toBe('High');
    expect(policy.packs['Vulnerability patch delay'].evidenceRequired).toBe(true);
    expect(policy.packs['MFA bypass'].controls.iso27001).toEqual([
      { id: 'A.8.5', title: 'Secure authentication' },
    ]);
  });

  it('gives every pack a CIS, an ISO and a SOC 2 reference', () => {
    for (const pack of Object.values(defaultPolicy().packs)) {
      expect(pack.controls.cisV8.length).toBeGreaterThan(0);
      expect(pack.controls.iso27001.every((control) => /^A\.[5-8]\.\d+$/.test(control.id))).toBe(true);
      expect(pack.controls.soc2.every((control) => /^CC\d\.\d$/.test(control.id))).toBe(true);
    }
  });

  it.each([
    { input: { version: 0 }, errors: ['version: must be a whole number of versions from 1 to 999999'] },
    {
      input: { version: 2, justificationMinLenght: 10 },
      errors: [': Unrecognized key: "justificationMinLenght"'],
    },
    {
      input: { version: 2, chronic: { recertifications: 2, cumulativeDays: 400 } },
      errors: [
        'chronic.cumulativeDays: must not exceed cumulativeCapDays (365): a case is chronic before it is capped',
      ],
    },
    {
      input: { version: 2, escalation: { projectKey: 'eng', issueType: 'Task' } },
      errors: ['escalation.projectKey: must be a Jira project key such as ENG'],
    },
    {
      input: {
        version: 2,
        tiers: { ...defaultPolicy().tiers, High: { maxDurationDays: 30, approverGroups: [] } },
      },
      errors: ['tiers.High.approverGroups: must name at least one Jira group'],
    },
  ])('rejects $input', ({ input, errors }) => {
    expect(messages(PolicySchema.safeParse(input))).toEqual(errors);
  });
});

describe('form schema', () => {
  const form = {
    summary: 'Open 8443 to payments staging',
    type: 'Firewall rule',
    justification: 'The payment provider certifies our integration only from its own network.',
    riskOwnerAccountId: 'b2',
    expirationDate: '2027-01-15',
    affectedAssets: ['pay-stg-gw-01'],
  };

  it('accepts a complete form with defaults', () => {
    expect(ExceptionFormSchema.parse(form)).toEqual({
      ...form,
      compensatingControls: '',
      urgency: 'Standard',
      remediationPlan: '',
    });
  });

  it('explains each missing or wrong field', () => {
    expect(
      messages(
        ExceptionFormSchema.safeParse({
          summary: ' ',
          type: 'Printer',
          justification: '',
          riskOwnerAccountId: '',
          expirationDate: '15/01/2027',
          affectedAssets: ['prod db'],
          urgency: 'ASAP',
        }),
      ),
    ).toEqual([
      'summary: Summary is required: one line naming the system and the control excepted.',
      `type: Exception Type must be one of: ${EXCEPTION_TYPES.join(', ')}.`,
      'justification: Business Justification is required: explain the need and the impact.',
      'riskOwnerAccountId: Risk Owner is required: pick the person accountable for this risk.',
      'expirationDate: must be a date written YYYY-MM-DD',
      'affectedAssets.0: Affected Assets are Jira labels: use identifiers without spaces, such as prod-db-01.',
      'urgency: Urgency must be Urgent or Standard.',
    ]);
    expect(messages(ExceptionFormSchema.safeParse({ ...form, affectedAssets: [] }))).toEqual([
      'affectedAssets: Affected Assets needs at least one asset identifier, such as prod-db-01.',
    ]);
  });
});

describe('small helpers', () => {
  it('fingerprints justifications ignoring case and spacing', () => {
    expect(justificationDigest('Legacy CRM blocks logins')).toBe(
      justificationDigest('  legacy  CRM\nblocks logins '),
    );
    expect(justificationDigest('Legacy CRM blocks logins')).not.toBe(
      justificationDigest('Legacy CRM blocks sign-ins'),
    );
    expect(justificationDigest('')).toBe('fnv1a:811c9dc5');
  });

  it('raises a rating one step, capped at Critical', () => {
    expect([
      raiseOneStep('Low'),
      raiseOneStep('Medium'),
      raiseOneStep('High'),
      raiseOneStep('Critical'),
    ]).toEqual(['Medium', 'High', 'Critical', 'Critical']);
  });
});
