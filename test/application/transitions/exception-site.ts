/**
 * A set-up site for the transition use cases, in fakes: the SiteConfig setup would write, the workflow of
 * DESIGN.md §3, the people (requester, risk owner, reviewer, C-level approver, a deactivated user, the app) and
 * issues whose fields are in Jira's REST v3 format. `exceptionFields({...})` takes plain values.
 */
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { SiteConfig } from '../../../src/application/site-config';
import { SITE_CONFIG_KEY } from '../../../src/application/site-config';
import { APP_ACCOUNT_KEY } from '../../../src/application/transitions/app-account';
import { TRANSITIONS } from '../../../src/application/transitions/transition-catalog';
import type { TransitionDependencies } from '../../../src/application/transitions/transition-dependencies';
import type { Status } from '../../../src/domain/vocabulary';
import { FakeDirectory, FakeIssues, jiraClient, type FakeTransition, type FakeUser } from './fake-jira';

export const NOW = '2026-11-21T09:00:00Z';
export const APP_ACCOUNT = 'app-557058';

export const SITE_CONFIG: SiteConfig = {
  version: 1,
  fields: {
    exceptionType: 'customfield_10001',
    justification: 'customfield_10002',
    riskOwner: 'customfield_10003',
    compensatingControls: 'customfield_10004',
    expirationDate: 'customfield_10005',
    affectedAssets: 'customfield_10006',
    urgency: 'customfield_10007',
    remediationPlan: 'customfield_10008',
    riskRating: 'customfield_10009',
    recertificationChecklist: 'customfield_10010',
  },
  issueTypeId: '10100',
  statuses: {
    Submitted: '1',
    'Risk Review': '2',
    Approved: '3',
    Recertification: '4',
    Rejected: '5',
    Reverted: '6',
    Retired: '7',
  },
  projects: [{ id: '10000', key: 'SEC' }],
  workflowName: 'Security exception workflow',
};

const F = SITE_CONFIG.fields;

export const statusValue = (status: Status): { id: string; name: string } => ({
  id: SITE_CONFIG.statuses[status],
  name: status,
});

export const WORKFLOW: FakeTransition[] = TRANSITIONS.map((transition, index) => ({
  id: String(11 + index),
  name: transition.name,
  fromStatusIds: transition.from.map((status) => SITE_CONFIG.statuses[status]),
  toStatusId: SITE_CONFIG.statuses[transition.to],
  toStatusName: transition.to,
}));

export const PEOPLE = {
  ana: { accountId: 'ana', displayName: 'Ana Requester', active: true, groups: ['engineering'] },
  bo: { accountId: 'bo', displayName: 'Bo Owner', active: true, groups: ['engineering'] },
  cy: { accountId: 'cy', displayName: 'Cy Reviewer', active: true, groups: ['security-reviewers'] },
  dee: { accountId: 'dee', displayName: 'Dee Chief', active: true, groups: ['c-level'] },
  ed: { accountId: 'ed', displayName: 'Ed Gone', active: false, groups: [] },
} satisfies Record<string, FakeUser>;

const userDetails = (accountId: string) => {
  const person = Object.values(PEOPLE).find((candidate) => candidate.accountId === accountId);
  return { accountId, displayName: person?.displayName ?? accountId, active: person?.active ?? true };
};

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const option = (value: string, id: string) => ({ self: `https://sim/option/${id}`, value, id });

export interface ExceptionValues {
  summary?: string;
  type?: string | null;
  justification?: string | null;
  riskOwner?: string | null;
  compensatingControls?: string | null;
  expirationDate?: string | null;
  affectedAssets?: string[] | null;
  urgency?: 'Urgent' | 'Standard' | null;
  remediationPlan?: string | null;
  riskRating?: 'Low' | 'Medium' | 'High' | 'Critical' | null;
  checklist?: string[] | null;
  status?: Status;
  reporter?: string | null;
  attachments?: number;
  created?: string;
}

/** A Firewall rule rated Medium in Risk Review that passes Approve for a security reviewer on NOW. */
export const DEFAULT_VALUES: Required<ExceptionValues> = {
  summary: 'Inbound SFTP from the payments partner',
  type: 'Firewall rule',
  justification:
    'The payments partner can only deliver settlement files over SFTP; without port 22 open, 400 daily settlements are delayed.',
  riskOwner: 'bo',
  compensatingControls: 'IP allow-listing to the partner range and daily log review.',
  expirationDate: '2027-02-01',
  affectedAssets: ['fw-edge-01', 'sftp-prod-01'],
  urgency: 'Standard',
  remediationPlan: null,
  riskRating: 'Medium',
  checklist: null,
  status: 'Risk Review',
  reporter: 'ana',
  attachments: 0,
  created: '2026-11-20T10:00:00.000+0000',
};

/** The issue's fields as REST v3 "Get issue" returns them. */
export const exceptionFields = (overrides: ExceptionValues = {}): Record<string, unknown> => {
  const v = { ...DEFAULT_VALUES, ...overrides };
  return {
    summary: v.summary,
    reporter: v.reporter === null ? null : userDetails(v.reporter),
    status: statusValue(v.status),
    created: v.created,
    issuetype: { id: SITE_CONFIG.issueTypeId, name: 'Exception' },
    project: { id: '10000', key: 'SEC' },
    attachment: Array.from({ length: v.attachments }, (_, index) => ({
      id: String(900 + index),
      filename: `evidence-${index}.pdf`,
    })),
    [F.exceptionType]: v.type === null ? null : option(v.type, '20001'),
    [F.justification]: v.justification === null ? null : adf(v.justification),
    [F.riskOwner]: v.riskOwner === null ? null : userDetails(v.riskOwner),
    [F.compensatingControls]: v.compensatingControls === null ? null : adf(v.compensatingControls),
    [F.expirationDate]: v.expirationDate,
    [F.affectedAssets]: v.affectedAssets,
    [F.urgency]: v.urgency === null ? null : option(v.urgency, '20101'),
    [F.remediationPlan]: v.remediationPlan === null ? null : adf(v.remediationPlan),
    [F.riskRating]: v.riskRating === null ? null : option(v.riskRating, '20201'),
    [F.recertificationChecklist]:
      v.checklist === null ? null : v.checklist.map((check, index) => option(check, String(20301 + index))),
  };
};

export interface FakeSite {
  readonly issues: FakeIssues;
  readonly directory: FakeDirectory;
  readonly store: MemoryStore;
  readonly clock: { now(): string; set(now: string): void };
  /** Dependencies with `actingUser` behind asUser (null: no user context). */
  deps(actingUser?: string | null): TransitionDependencies;
}

export const fakeSite = async (options: { setUp?: boolean } = {}): Promise<FakeSite> => {
  let now = NOW;
  const clock = { now: () => now, set: (next: string) => void (now = next) };
  const store = new MemoryStore(() => Date.parse(now));
  if (options.setUp !== false) await store.set(SITE_CONFIG_KEY, SITE_CONFIG);
  await store.set(APP_ACCOUNT_KEY, { accountId: APP_ACCOUNT });
  const directory = new FakeDirectory(APP_ACCOUNT);
  for (const person of Object.values(PEOPLE)) directory.addUser(person);
  const issues = new FakeIssues(WORKFLOW, APP_ACCOUNT);
  return {
    issues,
    directory,
    store,
    clock,
    deps: (actingUser = null) => ({
      jiraAsApp: jiraClient(issues, directory),
      jiraAsUser: directory.as(actingUser),
      store,
      clock,
    }),
  };
};
