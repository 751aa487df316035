/** The register → seed mapping of the standalone simulator (simulator/seed), value for value. */
import { SITE_CONFIG } from '../../application/transitions/exception-site';
import type { SiteConfig } from '../../../src/application/site-config';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import { parseRegister } from '../../../src/domain/register';
import type { ExceptionRecordInput, Register } from '../../../src/domain/register-schema';
import {
  exceptionFields,
  exceptionIssueSeed,
  exceptionLifecycle,
  paragraphs,
} from '../../../simulator/seed/exception-issue';
import {
  PARTICIPANTS_GROUP,
  registerPeople,
  registerProjects,
} from '../../../simulator/seed/register-people';
import { SeedError } from '../../../simulator/seed/seed-error';

/** The unit-test site of the transitions tests, with the Decision Reason field a current setup adds. */
const CONFIG: SiteConfig = {
  ...SITE_CONFIG,
  fields: { ...SITE_CONFIG.fields, decisionReason: 'customfield_10011' },
};

const approved: ExceptionRecordInput = {
  key: 'SEC-7',
  summary: 'Firewall rule for the vendor VPN',
  type: 'Firewall rule',
  urgency: 'Standard',
  riskRating: 'Medium',
  status: 'Approved',
  requester: { accountId: 'ana', displayName: 'Ana Souza' },
  riskOwner: { accountId: 'bo', displayName: 'Bo Lindqvist', active: false },
  justification: 'Vendor needs access.\nUntil the new link is up.',
  compensatingControls: 'IP allow-listing',
  expirationDate: '2026-12-01',
  affectedAssets: ['vpn-gw-01', 'fw-edge-02'],
  remediationPlan: '',
  attachmentCount: 2,
  recertificationChecklist: {
    'Controls still effective': true,
    'Justification still valid': false,
    'No better option available': true,
  },
  createdAt: '2026-09-01T10:00:00Z',
  history: [
    { at: '2026-09-01T10:00:00Z', action: 'submitted', by: 'ana' },
    { at: '2026-09-01T10:05:00Z', action: 'triaged', by: null },
    {
      at: '2026-09-02T12:00:00Z',
      action: 'approved',
      by: 'rev',
      periodStart: '2026-09-02',
      periodEnd: '2026-12-01',
      policyVersion: 3,
    },
  ],
};

const critical: ExceptionRecordInput = {
  key: 'OPS-12',
  summary: 'Patch delay on the trading gateway',
  type: 'Vulnerability patch delay',
  riskRating: 'Critical',
  status: 'Rejected',
  requester: { accountId: 'cy', displayName: 'Cy' },
  riskOwner: { accountId: 'ana', displayName: 'Ana Souza' },
  createdAt: '2026-10-01T08:00:00Z',
  history: [
    { at: '2026-10-01T08:00:00Z', action: 'submitted', by: 'cy' },
    { at: '2026-10-02T08:00:00Z', action: 'info-requested', by: 'ciso' },
    { at: '2026-10-03T08:00:00Z', action: 'rejected', by: 'ciso', note: 'Patch instead.' },
  ],
};

const registerOf = (...exceptions: ExceptionRecordInput[]): Register => {
  const parsed = parseRegister({ version: 1, exceptions });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.register;
};

const policy = defaultPolicy();
const NOW = '2026-11-21T09:00:00Z';

describe('registerProjects', () => {
  it('lists the key prefixes once each, sorted', () => {
    expect(registerProjects(registerOf(approved, critical, { ...approved, key: 'SEC-9' }))).toEqual([
      'OPS',
      'SEC',
    ]);
  });
});

describe('registerPeople', () => {
  it('makes users of requesters, owners and actors, with the approver group of the authority tier', () => {
    expect(registerPeople(registerOf(approved, critical), policy)).toEqual([
      { accountId: 'ana', displayName: 'Ana Souza', active: true, groups: [PARTICIPANTS_GROUP] },
      { accountId: 'bo', displayName: 'Bo Lindqvist', active: false, groups: [PARTICIPANTS_GROUP] },
      { accountId: 'ciso', displayName: 'ciso', active: true, groups: ['c-level', PARTICIPANTS_GROUP] },
      { accountId: 'cy', displayName: 'Cy', active: true, groups: [PARTICIPANTS_GROUP] },
      {
        accountId: 'rev',
        displayName: 'rev',
        active: true,
        groups: [PARTICIPANTS_GROUP, 'security-reviewers'],
      },
    ]);
  });

  it('puts a recertifier who is not the risk owner in the approver group, and leaves the owner out', () => {
    const recertified: ExceptionRecordInput = {
      ...approved,
      riskOwner: { accountId: 'bo', displayName: 'Bo Lindqvist' },
      history: [
        ...(approved.history ?? []),
        {
          at: '2026-11-20T12:00:00Z',
          action: 'recertified',
          by: 'bo',
          periodStart: '2026-11-20',
          periodEnd: '2027-02-17',
        },
        {
          at: '2026-11-21T12:00:00Z',
          action: 'recertified',
          by: 'sam',
          periodStart: '2026-11-21',
          periodEnd: '2027-02-18',
        },
      ],
    };
    const people = registerPeople(registerOf(recertified), policy);
    expect(people.find((person) => person.accountId === 'bo')?.groups).toEqual([PARTICIPANTS_GROUP]);
    expect(people.find((person) => person.accountId === 'sam')?.groups).toEqual([
      PARTICIPANTS_GROUP,
      'security-reviewers',
    ]);
  });
});

describe('exceptionFields', () => {
  it('writes every field under the id setup recorded, in the REST v3 input form', () => {
    const [record] = registerOf(approved).exceptions;
    if (record === undefined) throw new Error('no record');
    expect(exceptionFields(record, CONFIG)).toEqual({
      customfield_10001: { value: 'Firewall rule' },
      customfield_10002: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Vendor needs access.' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Until the new link is up.' }] },
        ],
      },
      customfield_10003: { accountId: 'bo' },
      customfield_10004: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'IP allow-listing' }] }],
      },
      customfield_10005: '2026-12-01',
      customfield_10006: ['vpn-gw-01', 'fw-edge-02'],
      customfield_10007: { value: 'Standard' },
      customfield_10008: null,
      customfield_10009: { value: 'Medium' },
      customfield_10010: [{ value: 'Controls still effective' }, { value: 'No better option available' }],
    });
  });

  it('leaves empty what the register leaves empty', () => {
    const [record] = registerOf(critical).exceptions;
    if (record === undefined) throw new Error('no record');
    expect(exceptionFields(record, CONFIG)).toEqual({
      customfield_10001: { value: 'Vulnerability patch delay' },
      customfield_10002: null,
      customfield_10003: { accountId: 'ana' },
      customfield_10004: null,
      customfield_10005: null,
      customfield_10006: [],
      customfield_10007: null,
      customfield_10008: null,
      customfield_10009: { value: 'Critical' },
      customfield_10010: null,
    });
  });

  it('refuses an asset Jira cannot hold as a label, naming the record and the field but not the value', () => {
    const [record] = registerOf({ ...approved, affectedAssets: ['ok-1', 'secret host'] }).exceptions;
    if (record === undefined) throw new Error('no record');
    expect(() => exceptionFields(record, CONFIG)).toThrow(
      new SeedError('SEC-7', 'affectedAssets[1]', 'must not contain spaces: Affected Assets are Jira labels'),
    );
    expect(() => exceptionFields(record, CONFIG)).toThrow(
      'SEC-7: affectedAssets[1]: must not contain spaces: Affected Assets are Jira labels',
    );
  });
});

describe('paragraphs', () => {
  it('keeps blank lines as empty paragraphs', () => {
    expect(paragraphs('a\n\nb')).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
        { type: 'paragraph', content: [] },
        { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
      ],
    });
  });
});

describe('exceptionLifecycle', () => {
  it("is the history, the planner's next action and the last period's policy version", () => {
    const [record] = registerOf(approved).exceptions;
    if (record === undefined) throw new Error('no record');
    // The period 2026-09-02 … 2026-12-01 holds 91 days; the planner's 75 % reminder falls due on 2026-11-09 (past at
    // NOW, not yet done), before the 14-day one (2026-11-17).
    expect(exceptionLifecycle(record, policy, NOW)).toEqual({
      lifecycle: {
        version: 1,
        history: record.history,
        nextActionAt: '2026-11-09T00:00:00Z',
        policyVersion: 3,
      },
      archived: [],
    });
  });

  it('has nothing pending and no policy version for a rejected exception', () => {
    const [record] = registerOf(critical).exceptions;
    if (record === undefined) throw new Error('no record');
    expect(exceptionLifecycle(record, policy, NOW).lifecycle).toEqual({
      version: 1,
      history: record.history,
      nextActionAt: null,
      policyVersion: null,
    });
  });
});

describe('exceptionIssueSeed', () => {
  it('creates the issue under its key with status, reporter, times and evidence', () => {
    const [record] = registerOf(approved).exceptions;
    if (record === undefined) throw new Error('no record');
    const seed = exceptionIssueSeed(record, CONFIG, policy, NOW);
    expect(seed.key).toBe('SEC-7');
    expect({ ...seed.issue, fields: undefined }).toEqual({
      project: 'SEC',
      issueType: SITE_CONFIG.issueTypeId,
      summary: 'Firewall rule for the vendor VPN',
      status: SITE_CONFIG.statuses.Approved,
      reporter: 'ana',
      creator: 'ana',
      created: '2026-09-01T10:00:00Z',
      updated: '2026-09-02T12:00:00Z',
      fields: undefined,
      attachments: [
        { filename: 'evidence-1.pdf', mimeType: 'application/pdf', size: 48_213, author: 'ana' },
        { filename: 'evidence-2.pdf', mimeType: 'application/pdf', size: 48_213, author: 'ana' },
      ],
    });
  });
});
