/**
 * Which Jira field each of the form's fields will use: one setup created before (own), an existing field the
 * admin chose, an existing field of the right type with the same name, or a new one. Pure, so the whole plan,
 * conflicts included, is known before setup writes anything.
 */
import type { CustomField } from '../ports/configuration-port';
import { LOGICAL_FIELDS, type LogicalField } from '../site-config';
import { FIELD_SPECS, aFieldOfType, type FieldSpec } from './field-specs';
import { isOwn, sameName } from './setup-names';

export type FieldDecision =
  | {
      readonly field: LogicalField;
      readonly action: 'use';
      readonly id: string;
      readonly name: string;
      /** own: setup created it; mapped: the admin chose it; same-name: found by name and type. */
      readonly how: 'own' | 'mapped' | 'same-name';
    }
  | { readonly field: LogicalField; readonly action: 'create' };

export interface FieldPlan {
  readonly decisions: readonly FieldDecision[];
  /** Conflicts the admin must resolve; setup writes nothing while there are any. */
  readonly problems: readonly string[];
}

const fits = (field: CustomField, spec: FieldSpec): boolean =>
  field.type !== null && spec.acceptedTypes.includes(field.type);

const decideMapped = (
  logical: LogicalField,
  id: string,
  existing: readonly CustomField[],
): FieldDecision | string => {
  const spec = FIELD_SPECS[logical];
  const field = existing.find((candidate) => candidate.id === id);
  if (field === undefined) return `${spec.name}: the field ${id} chosen for it does not exist.`;
  if (!fits(field, spec)) {
    return `${spec.name}: "${field.name}" (${field.id}) is ${aFieldOfType(field.type)}; ${spec.name} needs ${aFieldOfType(spec.type)}.`;
  }
  return {
    field: logical,
    action: 'use',
    id: field.id,
    name: field.name,
    how: isOwn(field.description) ? 'own' : 'mapped',
  };
};

const decideByName = (logical: LogicalField, existing: readonly CustomField[]): FieldDecision | string => {
  const spec = FIELD_SPECS[logical];
  const named = existing.filter((candidate) => sameName(candidate.name, spec.name));
  const fitting = named.filter((candidate) => fits(candidate, spec));
  const chosen = fitting.find((candidate) => isOwn(candidate.description)) ?? fitting[0];
  if (chosen !== undefined) {
    return {
      field: logical,
      action: 'use',
      id: chosen.id,
      name: chosen.name,
      how: isOwn(chosen.description) ? 'own' : 'same-name',
    };
  }
  const other = named[0];
  if (other !== undefined) {
    return `${spec.name}: a field with this name (${other.id}) exists but is ${aFieldOfType(other.type)}; choose ${aFieldOfType(spec.type)} to adopt, or rename the existing one.`;
  }
  return { field: logical, action: 'create' };
};

export const planFields = (
  existing: readonly CustomField[],
  adopt: Readonly<Partial<Record<LogicalField, string | undefined>>>,
): FieldPlan => {
  const decisions: FieldDecision[] = [];
  const problems: string[] = [];
  for (const logical of LOGICAL_FIELDS) {
    const mapped = adopt[logical];
    const decision =
      mapped === undefined ? decideByName(logical, existing) : decideMapped(logical, mapped, existing);
    if (typeof decision === 'string') problems.push(decision);
    else decisions.push(decision);
  }
  const users = new Map<string, LogicalField[]>();
  for (const decision of decisions) {
    if (decision.action === 'use')
      users.set(decision.id, [...(users.get(decision.id) ?? []), decision.field]);
  }
  for (const [id, fields] of users) {
    if (fields.length > 1) {
      problems.push(
        `${id} is chosen for ${fields.map((field) => FIELD_SPECS[field].name).join(' and ')}; each needs its own field.`,
      );
    }
  }
  return { decisions, problems };
};
