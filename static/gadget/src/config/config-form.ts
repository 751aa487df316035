/**
 * Edit mode's form values (what the person typed, as text) to a GadgetConfig, validated by the contract's own
 * schema (src/contracts/gadget-kpis.ts): each problem goes next to the field it is about. Zod's generic messages
 * for numbers are replaced by plain ones; the schema's own messages are kept as written.
 */
import type { z } from 'zod';
import { GADGET_REFRESH_MINUTES, GadgetConfigSchema, type GadgetConfig } from '@contracts/gadget-kpis';

export interface FormValues {
  readonly scopeKind: 'all' | 'projects' | 'jql';
  /** Project keys separated by commas or spaces. */
  readonly projectKeys: string;
  readonly jql: string;
  readonly periodKind: 'rolling' | 'fixed';
  readonly months: string;
  readonly from: string;
  readonly to: string;
  /** A fraction 0–1; empty for the policy's target. */
  readonly assetsTarget: string;
  /** Whole hours; empty for the policy's target. */
  readonly decisionHours: string;
  readonly refreshMinutes: string;
}

export type FieldName = Exclude<keyof FormValues, 'scopeKind' | 'periodKind'> | 'form';
export type FieldErrors = Partial<Record<FieldName, string>>;

export type FormResult =
  { readonly ok: true; readonly config: GadgetConfig } | { readonly ok: false; readonly errors: FieldErrors };

const thisMonth = (now: Date): string =>
  `${String(now.getUTCFullYear())}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;

export const formValuesOf = (config: GadgetConfig, now: Date = new Date()): FormValues => ({
  scopeKind: config.scope.kind,
  projectKeys: config.scope.kind === 'projects' ? config.scope.projectKeys.join(', ') : '',
  jql: config.scope.kind === 'jql' ? config.scope.jql : '',
  periodKind: config.period.kind,
  months: config.period.kind === 'rolling' ? String(config.period.months) : '12',
  from: config.period.kind === 'fixed' ? config.period.from : '',
  to: config.period.kind === 'fixed' ? config.period.to : thisMonth(now),
  assetsTarget:
    config.targets?.assetsExceptedTarget === undefined ? '' : String(config.targets.assetsExceptedTarget),
  decisionHours:
    config.targets?.decisionTargetHours === undefined ? '' : String(config.targets.decisionTargetHours),
  refreshMinutes: String(config.refreshMinutes),
});

/** A number as typed: '' stays absent; anything that is not a plain decimal number is NaN (the schema says so). */
const numberOf = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

const candidateOf = (values: FormValues): unknown => {
  const scope =
    values.scopeKind === 'projects'
      ? {
          kind: 'projects',
          projectKeys: values.projectKeys
            .split(/[\s,]+/)
            .filter((key) => key !== '')
            .map((key) => key.toUpperCase()),
        }
      : values.scopeKind === 'jql'
        ? { kind: 'jql', jql: values.jql }
        : { kind: 'all' };
  const period =
    values.periodKind === 'rolling'
      ? { kind: 'rolling', months: numberOf(values.months) ?? Number.NaN }
      : { kind: 'fixed', from: values.from.trim(), to: values.to.trim() };
  const assetsExceptedTarget = numberOf(values.assetsTarget);
  const decisionTargetHours = numberOf(values.decisionHours);
  const targets = {
    ...(assetsExceptedTarget === undefined ? {} : { assetsExceptedTarget }),
    ...(decisionTargetHours === undefined ? {} : { decisionTargetHours }),
  };
  return {
    scope,
    period,
    ...(Object.keys(targets).length === 0 ? {} : { targets }),
    refreshMinutes: Number(values.refreshMinutes),
  };
};

const plainMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_big' && issue.origin === 'number')
    return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small' && issue.origin === 'number')
    return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return 'name at least one project';
  if (issue.code === 'too_big' && issue.origin === 'array')
    return `name at most ${String(issue.maximum)} projects`;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'must be a number';
  if (issue.path?.[0] === 'refreshMinutes')
    return `must be one of ${GADGET_REFRESH_MINUTES.join(', ')} minutes`;
  return undefined;
};

const FIELD_OF_PATH: Record<string, FieldName> = {
  'scope.projectKeys': 'projectKeys',
  'scope.jql': 'jql',
  'period.months': 'months',
  'period.from': 'from',
  'period.to': 'to',
  'targets.assetsExceptedTarget': 'assetsTarget',
  'targets.decisionTargetHours': 'decisionHours',
  refreshMinutes: 'refreshMinutes',
};

export const validateForm = (values: FormValues): FormResult => {
  const parsed = GadgetConfigSchema.safeParse(candidateOf(values), { error: plainMessages });
  if (parsed.success) {
    const { period } = parsed.data;
    if (period.kind === 'fixed' && period.from > period.to)
      return { ok: false, errors: { from: 'must not be after the last month' } };
    return { ok: true, config: parsed.data };
  }
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [first, second, index] = issue.path;
    const field = FIELD_OF_PATH[[first, second].filter((part) => part !== undefined).join('.')] ?? 'form';
    // A wrong project key says which one (the person's own input, shown as text).
    const message =
      field === 'projectKeys' && typeof index === 'number'
        ? `project ${String(index + 1)} ${issue.message}`
        : issue.message;
    errors[field] ??= message;
  }
  return { ok: false, errors };
};
