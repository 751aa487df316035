/**
 * The form's fields: each planned field is used as it is or created, then its context is given the options
 * the app needs (Exception Type's seven types, Urgency, Risk Rating, the three checks). Options are only ever
 * added: an admin's extra options stay.
 */
import type { CustomField, FieldContext } from '../ports/configuration-port';
import type { LogicalField } from '../site-config';
import { ensureObject } from './ensure-object';
import type { FieldDecision } from './field-plan';
import { FIELD_SPECS, type FieldSpec } from './field-specs';
import { runStep } from './run-step';
import type { SetupContext } from './setup-context';
import { fieldContextName, isOwn, ownDescription, sameName } from './setup-names';

export const describeField = (field: { id: string; name: string }): string =>
  `field "${field.name}" (${field.id})`;

/** Setup's own field of that name and type, e.g. one a failed attempt created. */
export const findOwnField = (fields: readonly CustomField[], spec: FieldSpec): CustomField | undefined =>
  fields.find(
    (field) =>
      sameName(field.name, spec.name) &&
      field.type !== null &&
      spec.acceptedTypes.includes(field.type) &&
      isOwn(field.description),
  );

/** The context whose options the project sees: the global one, else the one setup added for the project. */
const ensureContext = async (
  ctx: SetupContext,
  field: { id: string; name: string },
): Promise<FieldContext> => {
  const name = fieldContextName(ctx.project.key);
  return ensureObject(ctx.report, {
    key: `context:${field.id}`,
    describe: (context) => `context "${context.name}" of field "${field.name}"`,
    find: async () => {
      const contexts = await ctx.jira.listFieldContexts(field.id);
      const context =
        contexts.find((candidate) => candidate.isGlobalContext && candidate.isAnyIssueType) ??
        contexts.find((candidate) => candidate.isGlobalContext) ??
        contexts.find((candidate) => candidate.name === name);
      // Contexts carry no owner: whichever serves the project is simply in place.
      return context === undefined ? undefined : { value: context, own: true };
    },
    create: () =>
      ctx.jira.createFieldContext(field.id, {
        name,
        description: ownDescription(`the options of ${field.name} in project ${ctx.project.key}.`),
        projectIds: [ctx.project.id],
        issueTypeIds: [],
      }),
  });
};

const ensureOptions = async (
  ctx: SetupContext,
  field: { id: string; name: string },
  values: readonly string[],
): Promise<void> => {
  const context = await ensureContext(ctx, field);
  const present = await ctx.jira.listFieldOptions(field.id, context.id);
  const key = `options:${field.id}`;
  const label = `options of field "${field.name}"`;
  const missing = values.filter((value) => !present.some((option) => option.value === value));
  for (const value of values) if (!missing.includes(value)) ctx.report.itemPresent(key, label, value);
  if (missing.length > 0) {
    for (const value of missing) ctx.report.attemptingItem(key, value);
    await ctx.jira.createFieldOptions(field.id, context.id, missing);
    for (const value of missing) ctx.report.itemAdded(key, label, value);
  }
  ctx.report.found(key, label, 'skipped');
};

const ensureField = async (ctx: SetupContext, decision: FieldDecision, attempt: number): Promise<string> => {
  const spec = FIELD_SPECS[decision.field];
  const key = `field:${decision.field}`;
  let field: { id: string; name: string };
  if (decision.action === 'use') {
    field = { id: decision.id, name: decision.name };
    ctx.report.found(key, describeField(field), decision.how === 'own' ? 'skipped' : 'adopted');
  } else {
    field = await ensureObject(ctx.report, {
      key,
      describe: describeField,
      // The plan was made from a listing read just before; only a repeated attempt must look again.
      find: async () => {
        if (attempt === 1) return undefined;
        const own = findOwnField(await ctx.jira.listCustomFields(), spec);
        return own === undefined ? undefined : { value: own, own: true };
      },
      create: () =>
        ctx.jira.createCustomField({
          name: spec.name,
          description: ownDescription(spec.description),
          type: spec.type,
          searcherKey: spec.searcherKey,
        }),
    });
  }
  if (spec.options.length > 0) await ensureOptions(ctx, field, spec.options);
  return field.id;
};

export const ensureFields = async (
  ctx: SetupContext,
  decisions: readonly FieldDecision[],
): Promise<Record<LogicalField, string>> => {
  const ids: Partial<Record<LogicalField, string>> = {};
  for (const decision of decisions) {
    ids[decision.field] = await runStep(
      ctx.report,
      `field "${FIELD_SPECS[decision.field].name}"`,
      (attempt) => ensureField(ctx, decision, attempt),
    );
  }
  return ids as Record<LogicalField, string>;
};
