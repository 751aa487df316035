/**
 * Turns a Jira response into a parsed value: non-2xx becomes a JiraHttpError with Jira's messages; a 2xx body is
 * parsed with a zod schema (loose objects: Jira adds members over time) and a mismatch names the paths only.
 */
import type { z } from 'zod';
import { JiraHttpError, JiraResponseShapeError } from './jira-errors';
import type { JiraResponse } from './jira-fetcher';

const jiraMessages = (body: unknown): string[] => {
  if (typeof body !== 'object' || body === null) return [];
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const messages = Array.isArray(errorMessages)
    ? errorMessages.filter((m): m is string => typeof m === 'string')
    : [];
  if (typeof errors === 'object' && errors !== null) {
    for (const [field, message] of Object.entries(errors)) {
      if (typeof message === 'string') messages.push(`${field}: ${message}`);
    }
  }
  return messages;
};

const parseBody = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** Throws JiraHttpError for a non-2xx response. */
export const ensureOk = async (endpoint: string, response: JiraResponse): Promise<unknown> => {
  const body = parseBody(await response.text());
  if (response.status < 200 || response.status >= 300) {
    throw new JiraHttpError(endpoint, response.status, jiraMessages(body));
  }
  return body;
};

export const readJson = async <T>(
  endpoint: string,
  response: JiraResponse,
  schema: z.ZodType<T>,
): Promise<T> => {
  const body = await ensureOk(endpoint, response);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  // Paths and expectations only: values may be tenant data.
  throw new JiraResponseShapeError(
    endpoint,
    result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.code}`),
  );
};
