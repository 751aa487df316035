/** The fixed vocabularies of DESIGN.md §2–§3: exception types, urgency, risk ratings, statuses, history actions. */

export const EXCEPTION_TYPES = [
  'MFA bypass',
  'Firewall rule',
  'Vulnerability patch delay',
  'Endpoint control gap',
  'Third-party / vendor access',
  'Legacy system support',
  'Other',
] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

export const URGENCIES = ['Urgent', 'Standard'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Ordered from least to most severe: the order is used to compare tiers and to raise a rating one step. */
export const RISK_RATINGS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

export const STATUSES = [
  'Submitted',
  'Risk Review',
  'Approved',
  'Recertification',
  'Rejected',
  'Reverted',
  'Retired',
] as const;
export type Status = (typeof STATUSES)[number];

export const CLOSED_STATUSES: readonly Status[] = ['Rejected', 'Reverted', 'Retired'];
export const IN_FORCE_STATUSES: readonly Status[] = ['Approved', 'Recertification'];
export const UNDECIDED_STATUSES: readonly Status[] = ['Submitted', 'Risk Review'];

export const isClosed = (status: Status): boolean => CLOSED_STATUSES.includes(status);
export const isInForce = (status: Status): boolean => IN_FORCE_STATUSES.includes(status);

export const HISTORY_ACTIONS = [
  'submitted',
  'triaged',
  'auto-approved',
  'approved',
  'rejected',
  'info-requested',
  'recertification-started',
  'recertified',
  'reminded',
  'reverted',
  'retired',
  'escalated',
  'sla-breached',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** History actions that open a new approval period (they carry periodStart / periodEnd). */
export const PERIOD_ACTIONS: readonly HistoryAction[] = ['approved', 'auto-approved', 'recertified'];

export const REMINDER_KINDS = ['75%', '14d'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const RECERTIFICATION_CHECKS = [
  'Controls still effective',
  'Justification still valid',
  'No better option available',
] as const;
export type RecertificationCheck = (typeof RECERTIFICATION_CHECKS)[number];

export const ratingIndex = (rating: RiskRating): number => RISK_RATINGS.indexOf(rating);

/** The rating one step more severe, capped at Critical. */
export const raiseOneStep = (rating: RiskRating): RiskRating =>
  RISK_RATINGS[Math.min(ratingIndex(rating) + 1, RISK_RATINGS.length - 1)] ?? 'Critical';
