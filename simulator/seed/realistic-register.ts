/**
 * A realistic register (DESIGN.md §7) for the sandbox, the KPI tests and the benchmarks: exceptions spread over
 * projects and over the months before `now`, in every status, with the history the app would have written. People
 * decide (triage, approve, reject, recertify, retire) at random but plausible times; everything the app does on its
 * own (reminders, recertification, revert, chronic escalation, SLA breach) is what the real planner says was due,
 * applied in order, so the sweep finds the site exactly as if it had been running all along. Deterministic for a seed.
 */
import { addDays } from 'date-fns';
import { planActions } from '../../src/domain/planner';
import type { Policy } from '../../src/domain/policy-schema';
import type { ExceptionRecord, HistoryEntry, Register } from '../../src/domain/register-schema';

type Checklist = NonNullable<ExceptionRecord['recertificationChecklist']>;
import { ExceptionRecordSchema } from '../../src/domain/register-schema';
import {
  EXCEPTION_TYPES,
  RECERTIFICATION_CHECKS,
  type RiskRating,
  type Status,
} from '../../src/domain/vocabulary';
import { seededRandom } from '../faults/seeded-random';

export interface RealisticRegisterOptions {
  readonly count: number;
  /** Project keys; exceptions are dealt to them in turn. */
  readonly projects: readonly string[];
  /** The moment the register describes; exceptions are created in the `months` before it. */
  readonly now: string;
  readonly policy: Policy;
  readonly months?: number;
  readonly seed?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Requesters, risk owners and deciders: realistic names, stable account ids (the register's people, seed-site.ts). */
const person = (accountId: string, displayName: string) => ({ accountId, displayName });
export const REALISTIC_PEOPLE = {
  requesters: [
    person('acc-ana', 'Ana Souza'),
    person('acc-ben', 'Ben Okafor'),
    person('acc-chloe', 'Chloé Martin'),
    person('acc-dev', 'Dev Patel'),
    person('acc-eli', 'Eli Cohen'),
    person('acc-fatima', 'Fatima Zahra'),
    person('acc-gus', 'Gus Lindqvist'),
    person('acc-hana', 'Hana Sato'),
  ],
  owners: [
    person('acc-ines', 'Inês Costa'),
    person('acc-jon', 'Jon Berg'),
    person('acc-kai', 'Kai Müller'),
    person('acc-lena', 'Lena Novak'),
  ],
  /** Decide Low and Medium (the policy's security-reviewers). */
  reviewers: [
    person('acc-mo', 'Mo Haddad'),
    person('acc-nia', 'Nia Evans'),
    person('acc-oscar', 'Oscar Ruiz'),
  ],
  /** Decide High and Critical (c-level). */
  executives: [person('acc-priya', 'Priya Raman'), person('acc-quinn', 'Quinn Adams')],
  /** Left the company: exceptions they own are flagged for re-assignment. */
  departed: person('acc-rae', 'Rae Former'),
} as const;

const ASSETS = [
  ...[
    'crm-legacy',
    'sftp-prod',
    'fw-edge',
    'db-payments',
    'k8s-node',
    'vpn-gw',
    'mail-relay',
    'ci-runner',
  ].flatMap((name) => [1, 2, 3].map((n) => `${name}-0${String(n)}`)),
  'hr-portal',
  'erp-core',
  'wiki',
  'badge-system',
];

const SUMMARIES: Record<(typeof EXCEPTION_TYPES)[number], string> = {
  'MFA bypass': 'MFA bypass for service accounts of',
  'Firewall rule': 'Inbound firewall rule for',
  'Vulnerability patch delay': 'Patch delay for a known vulnerability on',
  'Endpoint control gap': 'EDR agent removed from',
  'Third-party / vendor access': 'Vendor remote access to',
  'Legacy system support': 'Unsupported operating system kept on',
  Other: 'One-off configuration exception on',
};

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const dateOf = (ms: number): string => iso(ms).slice(0, 10);

export const realisticRegister = (options: RealisticRegisterOptions): Register => {
  const random = seededRandom(options.seed ?? 20261129);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number): boolean => random() < p;
  const nowMs = Date.parse(options.now);
  const spanMs = (options.months ?? 12) * 30 * DAY_MS;
  const numbers = new Map<string, number>();

  const exceptions = Array.from({ length: options.count }, (_, index) => {
    const project = options.projects[index % options.projects.length] ?? 'SEC';
    const number = (numbers.get(project) ?? 0) + 1;
    numbers.set(project, number);
    // Whole minutes, as people create issues; more recent months a little busier.
    const createdMs = Math.floor((nowMs - spanMs * Math.pow(random(), 1.2) - HOUR_MS) / 60_000) * 60_000;
    const type = pick(EXCEPTION_TYPES);
    const rating: RiskRating = pick(['Low', 'Low', 'Medium', 'Medium', 'Medium', 'High', 'High', 'Critical']);
    const urgent = chance(0.2);
    const requester = pick(REALISTIC_PEOPLE.requesters);
    const owner = chance(0.03) ? REALISTIC_PEOPLE.departed : pick(REALISTIC_PEOPLE.owners);
    const assets = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(ASSETS)))];
    const deciders =
      rating === 'High' || rating === 'Critical' ? REALISTIC_PEOPLE.executives : REALISTIC_PEOPLE.reviewers;
    const history: HistoryEntry[] = [{ at: iso(createdMs), action: 'submitted', by: requester.accountId }];
    // Mutated by the closures below, so an object: TypeScript does not narrow what a closure may change.
    const now: { status: Status; expirationDate: string | null } = {
      status: 'Submitted',
      expirationDate: null,
    };
    const current = (): Status => now.status;

    const record = (): ExceptionRecord =>
      ExceptionRecordSchema.parse({
        id: String(10_000 + index),
        key: `${project}-${String(number)}`,
        summary: `${SUMMARIES[type]} ${assets[0] ?? 'a system'}`,
        type,
        urgency: urgent ? 'Urgent' : 'Standard',
        riskRating: now.status === 'Submitted' ? null : rating,
        status: now.status,
        requester,
        riskOwner: { ...owner, active: owner !== REALISTIC_PEOPLE.departed },
        justification: `Needed by the ${pick(['sales', 'payments', 'support', 'data'])} team until the replacement ships.`,
        compensatingControls: chance(0.8) ? 'IP allow-listing and daily log review' : '',
        expirationDate: now.expirationDate,
        affectedAssets: assets,
        remediationPlan: chance(0.6) ? 'Replace the system in the next planning increment.' : '',
        attachmentCount: chance(0.7) ? 1 : 0,
        recertificationChecklist: null,
        createdAt: iso(createdMs),
        history,
      });

    /** Everything the app would have done on its own up to `untilMs`, in the planner's order. */
    const runApp = (untilMs: number): void => {
      for (let guard = 0; guard < 64; guard += 1) {
        const due = planActions(record(), options.policy, iso(untilMs)).sort((a, b) =>
          a.dueAt.localeCompare(b.dueAt),
        );
        const first = due[0];
        if (first === undefined) return;
        const at = first.dueAt;
        if (first.action === 'start-recertification') now.status = 'Recertification';
        if (first.action === 'revert') now.status = 'Reverted';
        history.push({
          at,
          by: null,
          actionKey: first.key,
          ...(first.action === 'remind-75' || first.action === 'remind-14d'
            ? {
                action: 'reminded' as const,
                reminder: first.action === 'remind-75' ? ('75%' as const) : ('14d' as const),
              }
            : first.action === 'start-recertification'
              ? { action: 'recertification-started' as const }
              : first.action === 'revert'
                ? { action: 'reverted' as const, note: 'Restore the control the exception suspended.' }
                : first.action === 'escalate-chronic'
                  ? { action: 'escalated' as const }
                  : { action: 'sla-breached' as const }),
        });
      }
    };

    const openPeriod = (
      atMs: number,
      action: 'approved' | 'auto-approved' | 'recertified',
      by: string | null,
    ) => {
      const days = pick([30, 60, 90]);
      const start = dateOf(atMs);
      const end = dateOf(addDays(new Date(atMs), days - 1).getTime());
      now.expirationDate = end;
      now.status = 'Approved';
      history.push({
        at: iso(atMs),
        action,
        by,
        periodStart: start,
        periodEnd: end,
        policyVersion: 1,
        ...(action === 'recertified'
          ? {
              checklist: Object.fromEntries(
                RECERTIFICATION_CHECKS.map((check) => [check, true]),
              ) as Checklist,
            }
          : {}),
      });
    };

    // Triage, seconds after creation, unless the issue is brand new and still waiting.
    const triageMs = createdMs + 5_000;
    if (triageMs > nowMs || (nowMs - createdMs < 2 * DAY_MS && chance(0.3))) return record();
    history.push({ at: iso(triageMs), action: 'triaged', by: null });
    now.status = 'Risk Review';

    if (rating === 'Low' && chance(0.4)) openPeriod(triageMs + 5_000, 'auto-approved', null);
    else {
      const hours = urgent ? 1 + random() * 40 : 4 + random() * random() * 240;
      const decidedMs = Math.floor((createdMs + hours * HOUR_MS) / 60_000) * 60_000;
      if (decidedMs > nowMs) {
        runApp(nowMs);
        return record();
      }
      runApp(decidedMs);
      if (chance(0.12)) {
        history.push({
          at: iso(decidedMs),
          action: 'rejected',
          by: pick(deciders).accountId,
          note: 'The risk is too high for the benefit.',
        });
        now.status = 'Rejected';
        return record();
      }
      openPeriod(decidedMs, 'approved', pick(deciders).accountId);
    }

    // In force: the owner recertifies some periods before they lapse, someone retires a few, the app does the rest.
    for (let period = 0; period < 12; period += 1) {
      const end = Date.parse(`${now.expirationDate ?? dateOf(nowMs)}T00:00:00Z`);
      const recertifies = chance(0.7);
      const retires = chance(0.05);
      const decideMs = end - Math.floor(random() * 10) * DAY_MS + 9 * HOUR_MS;
      if (retires && decideMs <= nowMs) {
        runApp(decideMs - 2 * DAY_MS);
        if (current() === 'Reverted') return record();
        history.push({ at: iso(decideMs - 2 * DAY_MS), action: 'retired', by: owner.accountId });
        now.status = 'Retired';
        return record();
      }
      if (!recertifies || decideMs > nowMs) break;
      runApp(decideMs);
      if (current() !== 'Recertification') break;
      openPeriod(decideMs, 'recertified', owner.accountId);
    }
    runApp(nowMs);
    return record();
  });
  return { version: 1, generatedAt: options.now, exceptions };
};
