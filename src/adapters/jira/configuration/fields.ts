/**
 * Custom fields, their contexts and their options (the form's fields, DESIGN.md §2).
 */
import { route } from '@forge/api';
import type { z } from 'zod';
import type {
  CustomField,
  FieldContext,
  FieldOption,
  NewCustomField,
  NewFieldContext,
} from '../../../application/ports/configuration-port';
import {
  CreatedFieldContextSchema,
  CreatedFieldOptionsSchema,
  FieldContextSchema,
  FieldOptionSchema,
  FieldSchema,
} from '../jira-configuration-schemas';
import { type ConfigurationCalls, json, PAGE_SIZE } from './configuration-calls';

const toOption = (option: z.infer<typeof FieldOptionSchema>): FieldOption => ({
  id: option.id,
  value: option.value,
  disabled: option.disabled ?? false,
});

export const listCustomFields = async (calls: ConfigurationCalls): Promise<CustomField[]> => {
  const fields = await calls.allPages('GET /rest/api/3/field/search', FieldSchema, (startAt) =>
    calls.fetcher.requestJira(
      route`/rest/api/3/field/search?type=custom&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
      { method: 'GET' },
    ),
  );
  return fields.map((field) => ({
    id: field.id,
    name: field.name,
    description: field.description,
    type: field.schema?.custom ?? null,
  }));
};

export const createCustomField = async (
  calls: ConfigurationCalls,
  field: NewCustomField,
): Promise<CustomField> => {
  const created = await calls.createOnce('POST /rest/api/3/field', FieldSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/field`, {
      method: 'POST',
      body: json({
        name: field.name,
        description: field.description,
        type: field.type,
        searcherKey: field.searcherKey,
      }),
    }),
  );
  return {
    id: created.id,
    name: created.name,
    // FieldDetails carries no description: it is the one just sent.
    description: field.description,
    type: created.schema?.custom ?? field.type,
  };
};

export const listFieldContexts = async (
  calls: ConfigurationCalls,
  fieldId: string,
): Promise<FieldContext[]> => {
  return calls.allPages('GET /rest/api/3/field/{fieldId}/context', FieldContextSchema, (startAt) =>
    calls.fetcher.requestJira(
      route`/rest/api/3/field/${fieldId}/context?startAt=${startAt}&maxResults=${PAGE_SIZE}`,
      { method: 'GET' },
    ),
  );
};

export const createFieldContext = async (
  calls: ConfigurationCalls,
  fieldId: string,
  context: NewFieldContext,
): Promise<FieldContext> => {
  const created = await calls.createOnce(
    'POST /rest/api/3/field/{fieldId}/context',
    CreatedFieldContextSchema,
    () =>
      calls.fetcher.requestJira(route`/rest/api/3/field/${fieldId}/context`, {
        method: 'POST',
        body: json(context),
      }),
  );
  return {
    id: created.id,
    name: created.name,
    isGlobalContext: (created.projectIds ?? []).length === 0,
    isAnyIssueType: (created.issueTypeIds ?? []).length === 0,
  };
};

export const listFieldOptions = async (
  calls: ConfigurationCalls,
  fieldId: string,
  contextId: string,
): Promise<FieldOption[]> => {
  const options = await calls.allPages(
    'GET /rest/api/3/field/{fieldId}/context/{contextId}/option',
    FieldOptionSchema,
    (startAt) =>
      calls.fetcher.requestJira(
        route`/rest/api/3/field/${fieldId}/context/${contextId}/option?startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        { method: 'GET' },
      ),
  );
  return options.map(toOption);
};

export const createFieldOptions = async (
  calls: ConfigurationCalls,
  fieldId: string,
  contextId: string,
  values: readonly string[],
): Promise<FieldOption[]> => {
  const created = await calls.createOnce(
    'POST /rest/api/3/field/{fieldId}/context/{contextId}/option',
    CreatedFieldOptionsSchema,
    () =>
      calls.fetcher.requestJira(route`/rest/api/3/field/${fieldId}/context/${contextId}/option`, {
        method: 'POST',
        body: json({ options: values.map((value) => ({ value })) }),
      }),
  );
  return (created.options ?? []).map(toOption);
};
