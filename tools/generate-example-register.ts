/**
 * Writes examples/register.json: 34 realistic exceptions raised over the 12 months to 2026-11-21, in every status,
 * with histories that follow the default policy (90-day periods, reminders at 75 % and T−14, recertifications,
 * reverts at expiry, a chronic case escalated). Deterministic: run `npx tsx tools/generate-example-register.ts`.
 * A few exceptions are deliberately left as the sweep would find them (overdue, reminders not yet sent, an SLA
 * breach) so `plan` and `kpi` have something to show.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultPolicy } from '../src/domain/policy-schema';
import { justificationDigest } from '../src/domain/justification-digest';
import { RegisterSchema, type ExceptionRecordInput } from '../src/domain/register-schema';
import { dayNumber, dayToDate, dayToInstant, toInstant, MS_PER_HOUR } from '../src/domain/utc-days';
import type { ExceptionType, RiskRating, Status, Urgency } from '../src/domain/vocabulary';

const NOW = '2026-11-21T09:00:00Z';
const policy = defaultPolicy();

const people = {
  ana: { accountId: '5b10a2844c20165700ede21g', displayName: 'Ana Souza' },
  bo: { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Bo Lindqvist' },
  chen: { accountId: '60e5a1f2c9b7d4006a1b2c3d', displayName: 'Chen Wei' },
  dara: { accountId: '61f2b3c4d5e6f7008a9b0c1d', displayName: 'Dara Okafor' },
  eli: { accountId: '62a3c4d5e6f7a8009b0c1d2e', displayName: 'Eli Navarro' },
  fatima: { accountId: '63b4d5e6f7a8b900ac1d2e3f', displayName: 'Fatima Rahman' },
  gus: { accountId: '64c5e6f7a8b9ca01bd2e3f40', displayName: 'Gus Peterson' },
  // Approvers: security reviewers (tier 1) and the CISO / CTO (c-level group).
  rev1: { accountId: '70d1e2f3a4b5c6d7e8f90a1b', displayName: 'Priya Natarajan (Security)' },
  rev2: { accountId: '71e2f3a4b5c6d7e8f90a1b2c', displayName: 'Tom Becker (Security)' },
  ciso: { accountId: '72f3a4b5c6d7e8f90a1b2c3d', displayName: 'Morgan Hale (CISO)' },
} as const;
type Person = (typeof people)[keyof typeof people];

type Flow =
  | { kind: 'submitted' }
  | { kind: 'in-review'; triagedAfterHours: number }
  | { kind: 'rejected'; decidedAfterHours: number; reason: string }
  | {
      kind: 'approved';
      decidedAfterHours: number;
      days: number;
      recertifications?: number;
      then?: 'reverted' | 'retired' | 'recertification' | 'overdue';
      escalated?: boolean;
      retiredAfterDays?: number;
    }
  | { kind: 'auto-approved'; days: number; then?: 'retired'; retiredAfterDays?: number };

interface Scenario {
  created: string;
  type: ExceptionType;
  summary: string;
  urgency: Urgency | null;
  rating: RiskRating | null;
  assets: string[];
  controls: string;
  justification: string;
  remediation?: string;
  attachments: number;
  requester: Person;
  owner: Person | null;
  approver: Person;
  flow: Flow;
}

const S = (scenario: Scenario): Scenario => scenario;

const scenarios: Scenario[] = [
  S({
    created: '2025-12-02T10:12:00Z',
    type: 'MFA bypass',
    summary: 'MFA bypass for legacy CRM service accounts',
    urgency: 'Standard',
    rating: 'High',
    assets: ['crm-legacy-01'],
    controls: 'IP allow-listing to the office range + daily sign-in log review',
    justification:
      'Legacy CRM integration accounts cannot do interactive MFA; sales sync stops and costs about $10k/week.',
    attachments: 1,
    requester: people.ana,
    owner: people.bo,
    approver: people.ciso,
    flow: {
      kind: 'approved',
      decidedAfterHours: 30,
      days: 90,
      recertifications: 2,
      escalated: true,
      then: 'reverted',
    },
  }),
  S({
    created: '2025-12-09T14:40:00Z',
    type: 'Firewall rule',
    summary: 'Temporary inbound 8443 to payments staging for PSP certification',
    urgency: 'Urgent',
    rating: 'Medium',
    assets: ['pay-stg-gw-01', 'pay-stg-gw-02'],
    controls: 'Source restricted to the PSP certification range; WAF in blocking mode',
    justification:
      'The payment provider certifies our integration only from its own network; launch blocked without it.',
    attachments: 0,
    requester: people.chen,
    owner: people.dara,
    approver: people.rev1,
    flow: { kind: 'approved', decidedAfterHours: 6, days: 30, then: 'retired', retiredAfterDays: 21 },
  }),
  S({
    created: '2025-12-15T08:05:00Z',
    type: 'Vulnerability patch delay',
    summary: 'Delay OpenSSL 3.0 patch on billing batch hosts',
    urgency: 'Standard',
    rating: 'Medium',
    assets: ['billing-batch-01', 'billing-batch-02', 'billing-batch-03'],
    controls: 'Hosts are not internet-facing; egress denied; IDS signature for the CVE enabled',
    justification:
      'Vendor certifies the billing engine only on the current OpenSSL build until its February release.',
    attachments: 2,
    requester: people.eli,
    owner: people.fatima,
    approver: people.rev2,
    flow: { kind: 'approved', decidedAfterHours: 52, days: 75, then: 'retired', retiredAfterDays: 60 },
  }),
  S({
    created: '2026-01-07T11:30:00Z',
    type: 'Third-party / vendor access',
    summary: 'Standing VPN access for Acme Support to the ERP',
    urgency: 'Standard',
    rating: 'High',
    assets: ['erp-prod-01'],
    controls: '',
    justification: 'Support contract',
    attachments: 0,
    requester: people.gus,
    owner: people.gus,
    approver: people.ciso,
    flow: {
      kind: 'rejected',
      decidedAfterHours: 70,
      reason:
        'Justification too thin and no compensating controls; use the just-in-time vendor access process instead.',
    },
  }),
  S({
    created: '2026-01-19T16:20:00Z',
    type: 'Endpoint control gap',
    summary: 'EDR excluded on GPU render nodes during benchmark runs',
    urgency: 'Standard',
    rating: null,
    assets: ['render-gpu-07'],
    controls: 'Nodes on an isolated VLAN; nightly offline malware scan',
    justification:
      'The EDR kernel driver costs 18 % GPU throughput, which invalidates the customer benchmark we are contracted to deliver.',
    attachments: 0,
    requester: people.dara,
    owner: people.chen,
    approver: people.rev1,
    flow: { kind: 'auto-approved', days: 45, then: 'retired', retiredAfterDays: 40 },
  }),
  S({
    created: '2026-01-28T09:45:00Z',
    type: 'Legacy system support',
    summary: 'Windows Server 2012 R2 kept for the lab instrument controller',
    urgency: 'Standard',
    rating: 'High',
    assets: ['lab-ctrl-ws2012'],
    controls: 'Host isolated on the lab VLAN; no internet egress; USB disabled',
    justification:
      'The spectrometer vendor supports its control software only on Windows Server 2012 R2; research stops without it.',
    remediation: "Replace the controller with the vendor's 2027 model; budget approved for Q2 2027.",
    attachments: 1,
    requester: people.fatima,
    owner: people.eli,
    approver: people.ciso,
    flow: { kind: 'approved', decidedAfterHours: 96, days: 90, recertifications: 2, escalated: true },
  }),
  S({
    created: '2026-02-03T13:00:00Z',
    type: 'Firewall rule',
    summary: 'Allow SMTP relay from marketing tool to mail gateway',
    urgency: 'Standard',
    rating: 'Low',
    assets: ['mail-gw-01'],
    controls: 'Relay limited to one sender domain with DKIM; rate limit 200/h',
    justification:
      'The marketing automation tool must send campaign mail through our gateway to keep DMARC alignment.',
    attachments: 0,
    requester: people.bo,
    owner: people.ana,
    approver: people.rev2,
    flow: { kind: 'approved', decidedAfterHours: 20, days: 90, then: 'reverted' },
  }),
  S({
    created: '2026-02-17T07:55:00Z',
    type: 'MFA bypass',
    summary: 'Break-glass admin account without MFA for the DR site',
    urgency: 'Urgent',
    rating: 'Critical',
    assets: ['dr-ad-01', 'dr-vault-01'],
    controls: 'Password in a sealed safe, dual control; every sign-in pages the on-call and the CISO',
    justification:
      'Disaster recovery must work when the MFA provider is down; the DR runbook needs one break-glass account.',
    attachments: 2,
    requester: people.chen,
    owner: people.ciso,
    approver: people.ciso,
    flow: {
      kind: 'approved',
      decidedAfterHours: 12,
      days: 90,
      recertifications: 2,
      escalated: true,
      then: 'recertification',
    },
  }),
  S({
    created: '2026-03-04T12:10:00Z',
    type: 'Vulnerability patch delay',
    summary: 'Postpone Log4j 2.x upgrade in the reporting service',
    urgency: 'Urgent',
    rating: 'High',
    assets: ['reporting-svc'],
    controls: 'JNDI lookups disabled by system property; WAF rule for the exploit pattern',
    justification: 'The upgrade breaks the PDF renderer; the fix ships with the vendor library in six weeks.',
    attachments: 1,
    requester: people.eli,
    owner: people.dara,
    approver: people.ciso,
    flow: { kind: 'approved', decidedAfterHours: 20, days: 45, then: 'retired', retiredAfterDays: 40 },
  }),
  S({
    created: '2026-03-11T15:35:00Z',
    type: 'Other',
    summary: 'Shared mailbox password kept in the team vault instead of SSO',
    urgency: 'Standard',
    rating: 'Medium',
    assets: ['mbx-support'],
    controls: 'Vault access logged; password rotated monthly',
    justification:
      'The helpdesk tool signs in to the support mailbox with basic credentials until its OAuth connector ships.',
    attachments: 0,
    requester: people.gus,
    owner: people.bo,
    approver: people.rev1,
    flow: { kind: 'approved', decidedAfterHours: 140, days: 90, then: 'reverted' },
  }),
  S({
    created: '2026-03-23T10:00:00Z',
    type: 'Third-party / vendor access',
    summary: 'Read-only database access for the auditing firm',
    urgency: 'Standard',
    rating: 'Medium',
    assets: ['fin-db-ro-01'],
    controls: 'Read-only role; access through the bastion with session recording',
    justification:
      'External auditors need to sample journal entries directly for the annual financial audit.',
    attachments: 0,
    requester: people.fatima,
    owner: people.ana,
    approver: people.rev2,
    flow: { kind: 'approved', decidedAfterHours: 44, days: 60, then: 'retired', retiredAfterDays: 50 },
  }),
  S({
    created: '2026-04-06T09:20:00Z',
    type: 'Endpoint control gap',
    summary: 'Disk encryption off on kiosk tablets in the lobby',
    urgency: 'Standard',
    rating: null,
    assets: ['kiosk-tab-01', 'kiosk-tab-02'],
    controls: 'Kiosk mode; no corporate data stored; MDM remote wipe',
    justification:
      'The kiosk image does not boot with encryption on this tablet model; vendor fix is scheduled for the summer.',
    attachments: 0,
    requester: people.bo,
    owner: people.gus,
    approver: people.rev1,
    flow: { kind: 'auto-approved', days: 90, then: 'retired', retiredAfterDays: 85 },
  }),
  S({
    created: '2026-04-14T14:45:00Z',
    type: 'Firewall rule',
    summary: 'Open SSH from a contractor IP to the build farm',
    urgency: 'Urgent',
    rating: 'High',
    assets: ['build-farm'],
    controls: 'Key-only auth',
    justification: 'Contractor needs to debug the build farm.',
    attachments: 0,
    requester: people.dara,
    owner: people.dara,
    approver: people.ciso,
    flow: {
      kind: 'rejected',
      decidedAfterHours: 30,
      reason: 'Use the bastion host with session recording; direct SSH from the internet is not acceptable.',
    },
  }),
  S({
    created: '2026-04-29T08:30:00Z',
    type: 'Legacy system support',
    summary: 'Keep Oracle 11g for the warehouse management system',
    urgency: 'Standard',
    rating: 'High',
    assets: ['wms-db-01'],
    controls: 'Database reachable only from the WMS app servers; quarterly vulnerability scan',
    justification:
      'The warehouse management system is certified only on Oracle 11g; migration needs a new WMS release.',
    remediation: "Migrate to the vendor's cloud WMS; contract signed, cut-over planned for March 2027.",
    attachments: 1,
    requester: people.eli,
    owner: people.fatima,
    approver: people.ciso,
    flow: { kind: 'approved', decidedAfterHours: 75, days: 90, recertifications: 1, then: 'overdue' },
  }),
  S({
    created: '2026-05-12T11:15:00Z',
    type: 'MFA bypass',
    summary: 'No MFA for the kiosk check-in account',
    urgency: 'Standard',
    rating: 'Medium',
    assets: ['kiosk-checkin'],
    controls: 'Account limited to the check-in app; conditional access to lobby IPs',
    justification:
      'Visitors check in on a shared kiosk that cannot complete an MFA challenge for the service account.',
    attachments: 1,
    requester: people.ana,
    owner: people.chen,
    approver: people.rev1,
    flow: { kind: 'approved', decidedAfterHours: 26, days: 90, recertifications: 1 },
  }),
  S({
    created: '2026-05-20T16:00:00Z',
    type: 'Vulnerability patch delay',
    summary: 'Delay kernel patch on the trading gateway until the freeze ends',
    urgency: 'Standard',
    rating: 'Medium',
    assets: ['trade-gw-01', 'trade-gw-02'],
    controls: 'Gateways only accept connections from the exchange; kernel live-patch for the critical CVE',
    justification:
      'The quarterly change freeze forbids reboots of the trading gateways until the quarter closes.',
    attachments: 1,
    requester: people.gus,
    owner: people.bo,
    approver: people.rev2,
    flow: { kind: 'approved', decidedAfterHours: 110, days: 45, then: 'retired', retiredAfterDays: 44 },
  }),
  S({
    created: '2026-06-02T10:40:00Z',
    type: 'Third-party / vendor access',
    summary: 'Vendor remote access to the HVAC controllers',
    urgency: 'Urgent',
    rating: 'Medium',
    assets: ['hvac-ctrl-01'],
    controls: 'Access via the vendor portal with approval per session; session recording',
    justification:
      'The HVAC vendor must tune the controllers remotely during the heat wave to avoid server room overheating.',
    attachments: 0,
    requester: people.fatima,
    owner: people.dara,
    approver: people.rev1,
    flow: { kind: 'approved', decidedAfterHours: 18, days: 60, then: 'reverted' },
  }),
  S({
    created: '2026-06-16T09:05:00Z',
    type: 'Firewall rule',
    summary: 'Allow outbound 5432 from analytics to partner warehouse',
    urgency: 'Standard',
    rating: 'Medium',
    assets: ['analytics-etl-01'],
    controls: "TLS required; destination pinned to the partner's two IPs; egress logged",
    justification:
      'Nightly data exchange with the logistics partner needs a direct database connection until their API is live.',
    attachments: 0,
    requester: people.chen,
    owner: people.eli,
    approver: people.rev2,
    flow: { kind: 'approved', decidedAfterHours: 60, days: 90, recertifications: 1 },
  }),
  S({
    created: '2026-07-01T13:25:00Z',
    type: 'Endpoint control gap',
    summary: 'USB storage allowed on the video editing workstations',
    urgency: 'Standard',
    rating: 'Low',
    assets: ['video-ws-01', 'video-ws-02', 'video-ws-03'],
    controls: 'DLP monitoring of copies; workstations hold no customer data',
    justification:
      'Camera footage arrives on USB drives from the production crew; the network upload path is too slow.',
    attachments: 0,
    requester: people.dara,
    owner: people.ana,
    approver: people.rev1,
    flow: { kind: 'approved', decidedAfterHours: 40, days: 90, then: 'reverted' },
  }),
  S({
    created: '2026-07-14T08:50:00Z',
    type: 'Other',
    summary: 'Password rotation paused for the SCADA historian accounts',
    urgency: 'Standard',
    rating: 'High',
    assets: ['scada-hist-01'],
    controls: 'Accounts restricted to the OT network; privileged access workstation only',
    justification:
      'Rotating the historian service passwords requires a plant shutdown, which is scheduled for October.',
    attachments: 1,
    requester: people.eli,
    owner: people.gus,
    approver: people.ciso,
    flow: { kind: 'approved', decidedAfterHours: 100, days: 90, then: 'overdue' },
  }),
  S({
    created: '2026-07-28T15:10:00Z',
    type: 'MFA bypass',
    summary: 'MFA exemption for the CI deploy bot on the cloud console',
    urgency: 'Urgent',
    rating: 'High',
    assets: ['cloud-console-prod'],
    controls: 'Bot credentials in the secrets manager, scoped deploy role, alerts on use outside CI',
    justification:
      'The deploy pipeline signs in to the console API, which offers no MFA for machine users; releases stop otherwise.',
    attachments: 1,
    requester: people.bo,
    owner: people.dara,
    approver: people.ciso,
    flow: { kind: 'approved', decidedAfterHours: 22, days: 90, recertifications: 1 },
  }),
  S({
    created: '2026-08-10T10:30:00Z',
    type: 'Vulnerability patch delay',
    summary: 'Postpone Chrome update on the digital signage players',
    urgency: 'Standard',
    rating: 'Low',
    assets: ['signage-01', 'signage-02', 'signage-03', 'signage-04'],
    controls: 'Players locked to one URL; network segment without internet beyond the CMS',
    justification:
      'The signage CMS breaks on the latest Chrome release; the CMS vendor fix is due in two months.',
    attachments: 1,
    requester: people.gus,
    owner: people.fatima,
    approver: people.rev2,
    flow: { kind: 'approved', decidedAfterHours: 35, days: 90 },
  }),
  S({
    created: '2026-08-25T09:00:00Z',
    type: 'Legacy system support',
    summary: 'Python 2 ETL kept for the regulatory reporting feed',
    urgency: 'Standard',
    rating: 'High',
    assets: ['reg-etl-01'],
    controls: 'Runs in a locked-down container with no network except the reporting share',
    justification:
      "The regulator's reporting format changes in January; rewriting the feed twice in four months is wasted effort.",
    remediation: 'Rewrite the feed in Python 3 against the January format; started in the December sprint.',
    attachments: 1,
    requester: people.chen,
    owner: people.bo,
    approver: people.ciso,
    flow: { kind: 'approved', decidedAfterHours: 130, days: 90 },
  }),
  S({
    created: '2026-09-01T10:00:00Z',
    type: 'MFA bypass',
    summary: 'MFA bypass for legacy CRM',
    urgency: 'Standard',
    rating: 'High',
    assets: ['crm-legacy-01'],
    controls: 'IP allow-listing + daily log review',
    justification: 'Legacy CRM blocks sales logins; revenue loss $10k/week',
    attachments: 1,
    requester: people.ana,
    owner: people.bo,
    approver: people.ciso,
    flow: { kind: 'approved', decidedAfterHours: 30, days: 90 },
  }),
  S({
    created: '2026-09-15T14:00:00Z',
    type: 'Firewall rule',
    summary: 'Open RDP from the support VPN pool to the POS back office',
    urgency: 'Standard',
    rating: 'Medium',
    assets: ['pos-bo-01', 'pos-bo-02'],
    controls: 'VPN requires MFA; RDP gateway with session recording',
    justification:
      'Store support needs to reach back-office servers during the POS migration weekend and the following month.',
    attachments: 0,
    requester: people.fatima,
    owner: people.gus,
    approver: people.rev1,
    flow: { kind: 'approved', decidedAfterHours: 50, days: 60 },
  }),
  S({
    created: '2026-09-29T11:45:00Z',
    type: 'Endpoint control gap',
    summary: 'Screen lock disabled on the NOC wallboards',
    urgency: 'Standard',
    rating: null,
    assets: ['noc-wall-01', 'noc-wall-02'],
    controls: 'Wallboards in a badge-controlled room; kiosk account with no mail or files',
    justification:
      'Monitoring wallboards must stay visible all shift; the screen lock hides incidents from the operators.',
    attachments: 0,
    requester: people.dara,
    owner: people.eli,
    approver: people.rev1,
    flow: { kind: 'auto-approved', days: 90 },
  }),
  S({
    created: '2026-10-08T09:30:00Z',
    type: 'Third-party / vendor access',
    summary: 'Temporary admin for the SIEM migration partner',
    urgency: 'Urgent',
    rating: 'High',
    assets: ['siem-prod', 'log-archive-01'],
    controls: 'Named accounts, just-in-time elevation, weekly access review',
    justification:
      'The partner migrates our detection rules to the new SIEM and needs admin rights for the cut-over month.',
    attachments: 1,
    requester: people.eli,
    owner: people.ana,
    approver: people.ciso,
    flow: { kind: 'approved', decidedAfterHours: 16, days: 45 },
  }),
  S({
    created: '2026-10-20T16:30:00Z',
    type: 'Other',
    summary: 'Code signing key stored on the build server temporarily',
    urgency: 'Standard',
    rating: 'Critical',
    assets: ['build-srv-02'],
    controls: 'None yet',
    justification: 'HSM delivery is delayed.',
    attachments: 0,
    requester: people.gus,
    owner: people.chen,
    approver: people.ciso,
    flow: {
      kind: 'rejected',
      decidedAfterHours: 150,
      reason:
        'Use the cloud KMS signing service until the HSM arrives; a private key on the build server is not acceptable.',
    },
  }),
  S({
    created: '2026-11-03T08:15:00Z',
    type: 'Vulnerability patch delay',
    summary: 'Hold the PostgreSQL 15 minor update on the ledger cluster',
    urgency: 'Standard',
    rating: null,
    assets: ['ledger-pg-01', 'ledger-pg-02'],
    controls: 'Cluster reachable only from the ledger service; the CVE needs local access',
    justification:
      'The ledger team is mid-way through year-end reconciliation; a database restart would invalidate two days of runs.',
    attachments: 1,
    requester: people.bo,
    owner: people.fatima,
    approver: people.rev2,
    flow: { kind: 'in-review', triagedAfterHours: 0 },
  }),
  S({
    created: '2026-11-10T10:50:00Z',
    type: 'Firewall rule',
    summary: 'Allow webhook callbacks from the new payment provider',
    urgency: 'Urgent',
    rating: null,
    assets: ['pay-webhook-01'],
    controls: 'Signature verification on every callback; IP range of the provider only',
    justification:
      'The new payment provider goes live on the 24th and posts settlement webhooks from its own addresses.',
    attachments: 0,
    requester: people.chen,
    owner: people.dara,
    approver: people.rev1,
    flow: { kind: 'in-review', triagedAfterHours: 0 },
  }),
  S({
    created: '2026-11-13T15:20:00Z',
    type: 'MFA bypass',
    summary: 'Suspend MFA for the warehouse scanners during the handheld swap',
    urgency: 'Standard',
    rating: null,
    assets: ['wh-scan-pool'],
    controls: '',
    justification:
      'Handheld scanners are being replaced and cannot enrol in MFA until the new devices arrive.',
    attachments: 0,
    requester: people.gus,
    owner: people.eli,
    approver: people.ciso,
    flow: { kind: 'submitted' },
  }),
  S({
    created: '2026-11-18T09:40:00Z',
    type: 'Third-party / vendor access',
    summary: 'Give the pen-test firm VPN accounts for the December test',
    urgency: 'Standard',
    rating: null,
    assets: ['vpn-gw-01'],
    controls: 'Accounts expire after the test window; traffic logged',
    justification:
      'The annual penetration test needs internal network access for the assumed-breach scenario.',
    attachments: 0,
    requester: people.fatima,
    owner: people.ana,
    approver: people.rev2,
    flow: { kind: 'submitted' },
  }),
  S({
    created: '2026-11-20T17:05:00Z',
    type: 'Endpoint control gap',
    summary: 'EDR in monitor-only mode on the new build agents',
    urgency: 'Urgent',
    rating: null,
    assets: ['build-agent-11', 'build-agent-12', 'build-agent-13', 'build-agent-14'],
    controls: 'Agents ephemeral, rebuilt daily from a signed image',
    justification:
      'EDR blocking mode quarantines the compiler cache and fails every build on the new agents.',
    attachments: 0,
    requester: people.dara,
    owner: people.bo,
    approver: people.rev1,
    flow: { kind: 'in-review', triagedAfterHours: 0 },
  }),
  S({
    created: '2026-10-27T12:00:00Z',
    type: 'Legacy system support',
    summary: 'Keep the AS/400 order entry online past end of support',
    urgency: 'Standard',
    rating: 'High',
    assets: ['as400-oe-01'],
    controls: 'Terminal access only through the jump host; no direct network routes',
    justification:
      'Order entry for the wholesale channel runs on the AS/400; replacing it is a 2027 programme.',
    remediation: 'Wholesale order entry moves to the ERP in the 2027 programme; phase 1 starts in February.',
    attachments: 1,
    requester: people.ana,
    owner: people.gus,
    approver: people.ciso,
    flow: { kind: 'in-review', triagedAfterHours: 2 },
  }),
];

const hoursAfter = (instant: string, hours: number): string =>
  toInstant(Date.parse(instant) + hours * MS_PER_HOUR);
const CHECKLIST = {
  'Controls still effective': true,
  'Justification still valid': true,
  'No better option available': true,
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** At each recertification the owner restates why the exception is still needed (a fresh justification). */
const renewedJustification = (original: string, day: number): string =>
  `${original} Still needed in ${MONTHS[Number(dayToDate(day).slice(5, 7)) - 1] ?? ''} ${dayToDate(day).slice(0, 4)}: the permanent fix is not in place yet.`;

const build = (scenario: Scenario, index: number): ExceptionRecordInput => {
  let justification = scenario.justification;
  const history: NonNullable<ExceptionRecordInput['history']> = [
    { at: scenario.created, action: 'submitted', by: scenario.requester.accountId },
  ];
  const nowDay = dayNumber(NOW);
  let status: Status = 'Submitted';
  let expirationDate: string | null = null;
  let checklist: ExceptionRecordInput['recertificationChecklist'] = null;
  const flow = scenario.flow;
  if (flow.kind === 'in-review') {
    history.push({ at: hoursAfter(scenario.created, flow.triagedAfterHours), action: 'triaged', by: null });
    status = 'Risk Review';
  } else if (flow.kind === 'rejected') {
    history.push({ at: hoursAfter(scenario.created, 0.1), action: 'triaged', by: null });
    history.push({
      at: hoursAfter(scenario.created, flow.decidedAfterHours),
      action: 'rejected',
      by: scenario.approver.accountId,
      note: flow.reason,
    });
    status = 'Rejected';
  } else if (flow.kind === 'approved' || flow.kind === 'auto-approved') {
    const auto = flow.kind === 'auto-approved';
    const decidedAt = auto
      ? hoursAfter(scenario.created, 0.05)
      : hoursAfter(scenario.created, flow.decidedAfterHours);
    if (!auto) history.push({ at: hoursAfter(scenario.created, 0.1), action: 'triaged', by: null });
    let start = dayNumber(decidedAt);
    let end = start + flow.days;
    history.push({
      at: decidedAt,
      action: auto ? 'auto-approved' : 'approved',
      by: auto ? null : scenario.approver.accountId,
      periodStart: dayToDate(start),
      periodEnd: dayToDate(end),
      policyVersion: 1,
      justificationDigest: justificationDigest(scenario.justification),
    });
    status = 'Approved';
    const recertifications = flow.kind === 'approved' ? (flow.recertifications ?? 0) : 0;
    const sendReminders = (from: number, to: number): void => {
      const length = to - from + 1;
      const r75 = from + Math.floor(0.75 * length);
      const r14 = to - 14;
      if (r14 > from && r14 !== r75 && r75 <= nowDay)
        history.push({ at: dayToInstant(r75), action: 'reminded', by: null, reminder: '75%' });
      if (r14 > from && r14 <= nowDay)
        history.push({ at: dayToInstant(r14), action: 'reminded', by: null, reminder: '14d' });
      const startDay = r14 > from ? Math.min(r75, r14) : r75;
      if (startDay <= nowDay)
        history.push({ at: dayToInstant(startDay), action: 'recertification-started', by: null });
    };
    const then = flow.then;
    // An exception still in force today has been recertified as often as needed to cover today (the app would
    // have reverted it otherwise); only the 'overdue' scenarios are left as a sweep outage would leave them.
    const mustCoverToday = then === undefined || then === 'recertification';
    for (let round = 0; round < recertifications || (mustCoverToday && end < nowDay); round += 1) {
      sendReminders(start, end);
      const recertDay = end - 3;
      const newEnd = recertDay + 90;
      justification = renewedJustification(scenario.justification, recertDay);
      history.push({
        at: `${dayToDate(recertDay)}T11:00:00Z`,
        action: 'recertified',
        by: scenario.owner?.accountId ?? null,
        periodStart: dayToDate(recertDay),
        periodEnd: dayToDate(newEnd),
        policyVersion: 1,
        checklist: CHECKLIST,
        justificationDigest: justificationDigest(justification),
      });
      checklist = CHECKLIST;
      start = recertDay;
      end = newEnd;
    }
    if (flow.kind === 'approved' && flow.escalated === true) {
      history.push({
        at: history.filter((entry) => entry.action === 'recertified').at(-1)?.at ?? decidedAt,
        action: 'escalated',
        by: null,
        note: `ENG-${400 + index} opened to remove the need for this exception`,
      });
    }
    expirationDate = dayToDate(end);
    if (then === 'retired') {
      const retiredDay = start + (flow.retiredAfterDays ?? 10);
      history.push({
        at: `${dayToDate(retiredDay)}T15:30:00Z`,
        action: 'retired',
        by: scenario.owner?.accountId ?? null,
        note: 'Root cause fixed',
      });
      status = 'Retired';
    } else if (then === 'reverted') {
      sendReminders(start, end);
      history.push({
        at: dayToInstant(end + 1),
        action: 'reverted',
        by: null,
        note: policy.packs[scenario.type].restoreText,
      });
      status = 'Reverted';
    } else if (then === 'recertification') {
      sendReminders(start, end);
      status = 'Recertification';
      checklist = null;
    } else if (then === 'overdue') {
      // Left as the sweep would find it after an outage: in force past its date, revert due.
      sendReminders(start, end);
      status = end < nowDay ? 'Approved' : 'Recertification';
    } else {
      sendReminders(start, end);
    }
  }
  return {
    id: String(10100 + index),
    key: `SEC-${index + 1}`,
    summary: scenario.summary,
    type: scenario.type,
    urgency: scenario.urgency,
    riskRating: scenario.rating,
    status,
    requester: scenario.requester,
    riskOwner: scenario.owner === null ? null : { ...scenario.owner, active: true },
    justification,
    compensatingControls: scenario.controls,
    expirationDate:
      expirationDate ??
      (flow.kind === 'submitted' || flow.kind === 'in-review'
        ? dayToDate(dayNumber(scenario.created) + 60)
        : null),
    affectedAssets: scenario.assets,
    remediationPlan: scenario.remediation ?? '',
    attachmentCount: scenario.attachments,
    recertificationChecklist: checklist,
    createdAt: scenario.created,
    history: history.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
  };
};

const exceptions = scenarios.map(build);
const document = { version: 1, generatedAt: NOW, exceptions };
RegisterSchema.parse(document);
const target = path.resolve(__dirname, '../examples/register.json');
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write(`wrote ${exceptions.length} exceptions to ${path.relative(process.cwd(), target)}\n`);
