import { z } from 'zod';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteTable } from '../http/route-types';
import { CUSTOM_FIELD_TYPES } from '../state/field-types';
import type { SimField, SimFieldContext, SimFieldOption } from '../state/model';
import { pageOf, parseBody, requireAdmin } from './route-helpers';

const fieldDetails = (field: SimField): Record<string, unknown> => ({
  id: field.id,
  key: field.key,
  name: field.name,
  custom: field.custom,
  orderable: field.editable,
  navigable: field.navigable,
  searchable: true,
  clauseNames: field.clauseNames,
  schema: field.schema,
});

const requireCustomField = (ctx: RouteContext): SimField => {
  const field = ctx.core.state.fields.get(ctx.params.fieldId ?? '');
  if (field?.custom !== true) throw jiraError(404, ['The custom field was not found.']);
  return field;
};

const requireContext = (ctx: RouteContext, field: SimField): SimFieldContext => {
  const context = ctx.core.state.fieldContexts.get(ctx.params.contextId ?? '');
  if (context?.fieldId !== field.id) throw jiraError(404, ['The context was not found.']);
  return context;
};

const renderOption = (option: SimFieldOption): Record<string, unknown> => ({
  id: option.id,
  value: option.value,
  disabled: option.disabled,
  ...(option.optionId === undefined ? {} : { optionId: option.optionId }),
});

const CreateFieldBody = z.object({
  name: z.string(),
  type: z.string(),
  description: z.string().optional(),
  searcherKey: z.string().optional(),
});

const CreateContextBody = z.object({
  name: z.string(),
  description: z.string().optional(),
  projectIds: z.array(z.string()).optional(),
  issueTypeIds: z.array(z.string()).optional(),
});

const CreateOptionsBody = z.object({
  options: z
    .array(z.object({ value: z.string(), disabled: z.boolean().optional(), optionId: z.string().optional() }))
    .optional(),
});

export const fieldRoutes: RouteTable = {
  getFields: (ctx) => ({ status: 200, body: [...ctx.core.state.fields.values()].map(fieldDetails) }),

  createCustomField: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(CreateFieldBody, ctx.body);
    if (CUSTOM_FIELD_TYPES[body.type] === undefined) {
      throw jiraError(400, [], { customFieldType: `The custom field type '${body.type}' is not supported.` });
    }
    const field = ctx.core.state.addCustomField({
      name: body.name,
      type: body.type,
      ...(body.description === undefined ? {} : { description: body.description }),
    });
    if (body.searcherKey !== undefined) field.searcherKey = body.searcherKey;
    return { status: 201, body: fieldDetails(field) };
  },

  getFieldsPaginated: (ctx) => {
    const types = ctx.query.list('type');
    const ids = ctx.query.list('id');
    const search = ctx.query.string('query')?.toLowerCase();
    const expand = new Set(ctx.query.list('expand'));
    const orderBy = ctx.query.string('orderBy');
    let fields = [...ctx.core.state.fields.values()].filter(
      (field) =>
        (types.length === 0 || types.includes(field.custom ? 'custom' : 'system')) &&
        (ids.length === 0 || ids.includes(field.id)) &&
        (search === undefined ||
          field.name.toLowerCase().includes(search) ||
          field.description.toLowerCase().includes(search)),
    );
    if (orderBy?.replace(/^[-+]/, '') === 'name') {
      fields = fields.sort((a, b) => a.name.localeCompare(b.name));
      if (orderBy.startsWith('-')) fields.reverse();
    }
    const page = pageOf(ctx, fields, 50);
    return {
      status: 200,
      body: {
        ...page,
        values: page.values.map((field) => ({
          id: field.id,
          name: field.name,
          schema: field.schema,
          description: field.description,
          ...(expand.has('key') ? { key: field.key } : {}),
          ...(expand.has('searcherKey') && field.searcherKey !== undefined
            ? { searcherKey: field.searcherKey }
            : {}),
          ...(expand.has('isLocked') ? { isLocked: field.schema.custom?.startsWith('ari:') === true } : {}),
        })),
      },
    };
  },

  getContextsForField: (ctx) => {
    requireAdmin(ctx);
    const field = requireCustomField(ctx);
    const ids = ctx.query.list('contextId');
    const contexts = [...ctx.core.state.fieldContexts.values()].filter(
      (context) => context.fieldId === field.id && (ids.length === 0 || ids.includes(context.id)),
    );
    const page = pageOf(ctx, contexts, 50);
    return {
      status: 200,
      body: {
        ...page,
        values: page.values.map((context) => ({
          id: context.id,
          name: context.name,
          description: context.description,
          isGlobalContext: context.projectIds.length === 0,
          isAnyIssueType: context.issueTypeIds.length === 0,
        })),
      },
    };
  },

  createCustomFieldContext: (ctx) => {
    requireAdmin(ctx);
    const field = requireCustomField(ctx);
    const body = parseBody(CreateContextBody, ctx.body);
    const context = ctx.core.state.addFieldContext(field.id, {
      name: body.name,
      ...(body.description === undefined ? {} : { description: body.description }),
      projectIds: body.projectIds ?? [],
      issueTypeIds: body.issueTypeIds ?? [],
    });
    return {
      status: 201,
      body: {
        id: context.id,
        name: context.name,
        description: context.description,
        projectIds: context.projectIds,
        issueTypeIds: context.issueTypeIds,
      },
    };
  },

  getOptionsForContext: (ctx) => {
    requireAdmin(ctx);
    const context = requireContext(ctx, requireCustomField(ctx));
    const optionId = ctx.query.string('optionId');
    const options = context.options.filter((option) => optionId === undefined || option.id === optionId);
    const page = pageOf(ctx, options, 100);
    return { status: 200, body: { ...page, values: page.values.map(renderOption) } };
  },

  createCustomFieldOption: (ctx) => {
    requireAdmin(ctx);
    const field = requireCustomField(ctx);
    const context = requireContext(ctx, field);
    if (field.kind !== 'option' && field.kind !== 'options') {
      throw jiraError(400, [`The custom field '${field.name}' does not support options.`]);
    }
    const body = parseBody(CreateOptionsBody, ctx.body);
    const seeds = body.options ?? [];
    const duplicate = seeds.find((seed) => context.options.some((option) => option.value === seed.value));
    if (duplicate !== undefined)
      throw jiraError(400, [`The option '${duplicate.value}' already exists in the context.`]);
    const created = seeds.map((seed) =>
      ctx.core.state.addFieldOption(context, {
        value: seed.value,
        ...(seed.disabled === undefined ? {} : { disabled: seed.disabled }),
        ...(seed.optionId === undefined ? {} : { optionId: seed.optionId }),
      }),
    );
    return { status: 200, body: { options: created.map(renderOption) } };
  },
};
