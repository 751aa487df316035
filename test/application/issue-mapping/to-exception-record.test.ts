import type { JiraIssue } from '../../../src/application/ports/jira-port';
import { LIFECYCLE_PROPERTY_KEY } from '../../../src/application/lifecycle-property';
import {
  exceptionFieldIds,
  toExceptionRecord,
} from '../../../src/application/issue-mapping/to-exception-record';
import { exceptionFields, SITE_CONFIG, type ExceptionValues } from '../transitions/exception-site';

const F = SITE_CONFIG.fields;

const HISTORY = [
  { at: '2026-11-20T10:00:00Z', action: 'submitted', by: 'ana' },
  { at: '2026-11-20T10:00:05Z', action: 'triaged', by: null },
];

const issue = (values: ExceptionValues = {}, properties: Record<string, unknown> = {}): JiraIssue => ({
  id: '10012',
  key: 'SEC-12',
  fields: exceptionFields(values),
  properties,
});

const mapped = (jiraIssue: JiraIssue, overlay?: Record<string, unknown>) => {
  const result = toExceptionRecord(jiraIssue, SITE_CONFIG, overlay === undefined ? {} : { overlay });
  if (!result.ok) throw new Error(`expected a record, got problems: ${result.problems.join(' | ')}`);
  return result.record;
};

describe('exceptionFieldIds', () => {
  it("asks for Jira's fields the mapping reads and every app field", () => {
    expect(exceptionFieldIds(SITE_CONFIG)).toEqual([
      'summary',
      'reporter',
      'status',
      'attachment',
      'created',
      'issuetype',
      'project',
      ...Object.values(F),
    ]);
  });
});

describe('toExceptionRecord', () => {
  it('maps every field of a REST v3 issue and the lifecycle history', () => {
    const record = mapped(
      issue(
        {
          remediationPlan: 'Move the partner to HTTPS upload.',
          checklist: ['Controls still effective', 'No better option available'],
          attachments: 2,
        },
        {
          [LIFECYCLE_PROPERTY_KEY]: { version: 1, history: HISTORY, nextActionAt: null, policyVersion: null },
        },
      ),
    );
    expect(record).toEqual({
      id: '10012',
      key: 'SEC-12',
      summary: 'Inbound SFTP from the payments partner',
      type: 'Firewall rule',
      urgency: 'Standard',
      riskRating: 'Medium',
      status: 'Risk Review',
      requester: { accountId: 'ana', displayName: 'Ana Requester' },
      riskOwner: { accountId: 'bo', displayName: 'Bo Owner', active: true },
      justification:
        'The payments partner can only deliver settlement files over SFTP; without port 22 open, 400 daily settlements are delayed.',
      compensatingControls: 'IP allow-listing to the partner range and daily log review.',
      expirationDate: '2027-02-01',
      affectedAssets: ['fw-edge-01', 'sftp-prod-01'],
      remediationPlan: 'Move the partner to HTTPS upload.',
      attachmentCount: 2,
      recertificationChecklist: {
        'Controls still effective': true,
        'Justification still valid': false,
        'No better option available': true,
      },
      createdAt: '2026-11-20T10:00:00Z',
      history: HISTORY,
    });
  });

  it('reads empty fields as the register does: empty text, null selects, no assets, no checklist', () => {
    const record = mapped(
      issue({
        compensatingControls: null,
        remediationPlan: null,
        urgency: null,
        riskRating: null,
        riskOwner: null,
        expirationDate: null,
        affectedAssets: null,
        checklist: null,
      }),
    );
    expect(record).toMatchObject({
      compensatingControls: '',
      remediationPlan: '',
      urgency: null,
      riskRating: null,
      riskOwner: null,
      expirationDate: null,
      affectedAssets: [],
      recertificationChecklist: null,
      history: [],
    });
  });

  it('lays modifiedFields over the stored issue in their own format', () => {
    const record = mapped(issue(), {
      [F.riskOwner]: { accountId: 'dee' },
      [F.affectedAssets]: null,
      [F.riskRating]: { self: 'https://sim/option/1', value: 'High', id: '20203' },
      [F.justification]: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'New reasons.' }] }],
      },
      [F.expirationDate]: '2027-01-15',
    });
    expect(record).toMatchObject({
      riskOwner: { accountId: 'dee', displayName: '', active: true },
      affectedAssets: [],
      riskRating: 'High',
      justification: 'New reasons.',
      expirationDate: '2027-01-15',
      // untouched fields keep their stored values
      type: 'Firewall rule',
      compensatingControls: 'IP allow-listing to the partner range and daily log review.',
    });
  });

  it('finds the status by name when its id is not the one setup recorded', () => {
    const jiraIssue = issue();
    const record = mapped({
      ...jiraIssue,
      fields: { ...jiraIssue.fields, status: { id: '99', name: 'Approved' } },
    });
    expect(record.status).toBe('Approved');
  });

  it('reads values outside the vocabularies as unset', () => {
    const jiraIssue = issue();
    const record = mapped({
      ...jiraIssue,
      fields: {
        ...jiraIssue.fields,
        [F.urgency]: { value: 'Whenever' },
        [F.riskRating]: { value: 'Severe' },
      },
    });
    expect([record.urgency, record.riskRating]).toEqual([null, null]);
  });

  it.each<[string, ExceptionValues, Record<string, unknown>, string[]]>([
    [
      'no Exception Type',
      { type: null },
      {},
      [
        'Exception Type is required: pick MFA bypass, Firewall rule, Vulnerability patch delay, Endpoint control gap, Third-party / vendor access, Legacy system support or Other.',
      ],
    ],
    [
      'an Exception Type the policy does not know',
      { type: 'Printer access' },
      {},
      [
        'Exception Type is not one the policy knows: pick MFA bypass, Firewall rule, Vulnerability patch delay, Endpoint control gap, Third-party / vendor access, Legacy system support or Other.',
      ],
    ],
    [
      'no reporter',
      { reporter: null },
      {},
      ['The issue has no Reporter, so the requester is unknown: set Reporter.'],
    ],
    [
      'a status outside the workflow and an unreadable lifecycle',
      {},
      { status: { id: '42', name: 'Backlog' }, lifecycle: { version: 2 } },
      [
        "The issue's status is not a status of the security exception workflow: ask a Jira admin to run the app's setup for this project.",
        "The app's lifecycle record on this issue is unreadable, so the policy cannot be checked: ask a Jira admin to look at the issue property security-exception-lifecycle.",
      ],
    ],
  ])('answers problems for %s', (_case, values, extra, problems) => {
    const jiraIssue = issue(values);
    const { lifecycle, ...fields } = extra;
    const result = toExceptionRecord(
      {
        ...jiraIssue,
        fields: { ...jiraIssue.fields, ...fields },
        properties: lifecycle === undefined ? {} : { [LIFECYCLE_PROPERTY_KEY]: lifecycle },
      },
      SITE_CONFIG,
    );
    expect(result).toEqual({ ok: false, problems });
  });

  it('uses typeWhenMissing only when Exception Type is empty', () => {
    const missing = toExceptionRecord(issue({ type: null }), SITE_CONFIG, { typeWhenMissing: 'Other' });
    const unknown = toExceptionRecord(issue({ type: 'Printer access' }), SITE_CONFIG, {
      typeWhenMissing: 'Other',
    });
    expect(missing.ok && missing.record.type).toBe('Other');
    expect(unknown.ok).toBe(false);
  });

  it('does not let a modifiedFields overlay change the issue key or id', () => {
    const record = mapped(issue(), { key: 'SEC-99', id: '1' });
    expect([record.key, record.id]).toEqual(['SEC-12', '10012']);
  });

  it('never takes the fields Jira carries from a modifiedFields overlay (ISSUE 6 B4)', () => {
    const stored = mapped(issue());
    const record = mapped(issue(), {
      attachment: [{ id: '1', filename: 'evidence.pdf' }],
      reporter: { accountId: 'cy', displayName: 'Cy' },
      creator: { accountId: 'cy' },
      status: { id: '3', name: 'Approved' },
      created: '2020-01-01T00:00:00.000+0000',
      project: { id: '99' },
      issuetype: { id: '99' },
    });
    expect(record).toEqual(stored);
  });

  it('takes the requester of record from the lifecycle, not the editable Reporter (ISSUE 6 B1)', () => {
    const lifecycle = {
      [LIFECYCLE_PROPERTY_KEY]: { version: 1, history: HISTORY, nextActionAt: null, policyVersion: null },
    };
    expect(mapped(issue({ reporter: 'cy' }, lifecycle)).requester).toEqual({
      accountId: 'ana',
      displayName: '',
    });
    expect(mapped(issue({ reporter: 'ana' }, lifecycle)).requester).toEqual(mapped(issue()).requester);
    // Before triage has recorded `submitted`, Reporter is the requester.
    expect(mapped(issue({ reporter: 'cy' })).requester.accountId).toBe('cy');
  });
});
