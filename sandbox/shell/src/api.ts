/**
 * The shell's calls to the sandbox (sandbox/sandbox-server.ts). Jira is reached only through
 * /__sandbox/request-jira, as the person the shell acts as, so everything shown is what they may see in Jira.
 */
export interface SandboxUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly active: boolean;
  readonly siteAdmin: boolean;
  readonly groups: readonly string[];
}

export interface SiteInfo {
  readonly now: string;
  readonly currentUser: string;
  readonly users: readonly SandboxUser[];
  readonly projects: readonly { key: string; name: string }[];
  readonly issueTypeId: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface SweepReport {
  readonly now: string;
  readonly sweeps: number;
  readonly statusChanges: readonly { key: string; from: string; to: string }[];
  readonly comments: readonly { key: string; added: number }[];
  readonly log: readonly string[];
  readonly queued: number;
}

/** A refusal of the sandbox or of Jira, with Jira's messages (errorMessages, then field errors). */
export class JiraRefusal extends Error {
  constructor(
    readonly status: number,
    readonly messages: readonly string[],
  ) {
    super(messages.join(' ') || `Jira answered ${String(status)}`);
  }
}

const messagesOf = (body: unknown): string[] => {
  if (typeof body !== 'object' || body === null) return [];
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const listed = Array.isArray(errorMessages) ? errorMessages.map(String) : [];
  const byField =
    typeof errors === 'object' && errors !== null
      ? Object.entries(errors).map(([field, message]) => `${field}: ${String(message)}`)
      : [];
  return [...listed, ...byField];
};

const sandboxCall = async <T>(path: string, body?: unknown): Promise<T> => {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as unknown;
  if (!response.ok) throw new JiraRefusal(response.status, messagesOf(answer));
  return answer as T;
};

export const getSite = (): Promise<SiteInfo> => sandboxCall<SiteInfo>('/__sandbox/site');
export const actAs = (accountId: string): Promise<unknown> => sandboxCall('/__sandbox/user', { accountId });
export const advanceClock = (days: number): Promise<SweepReport> =>
  sandboxCall<SweepReport>('/__sandbox/clock', { advanceDays: days });

/** Jira REST as the acting person; a 4xx/5xx becomes a JiraRefusal with Jira's own messages, verbatim. */
export const jira = async <T>(restPath: string, method = 'GET', body?: unknown): Promise<T> => {
  const answer = await sandboxCall<{ status: number; body: string }>('/__sandbox/request-jira', {
    restPath,
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed: unknown = answer.body === '' ? null : JSON.parse(answer.body);
  if (answer.status >= 400) throw new JiraRefusal(answer.status, messagesOf(parsed));
  return parsed as T;
};

/** The plain text of an ADF document or a string, a line per block; never HTML. */
export const adfText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  const node = value as { type?: string; text?: string; content?: unknown[]; attrs?: { text?: unknown } };
  if (node.type === 'text') return node.text ?? '';
  // The app's lifecycle comments open with mentions (@Name): their text is in attrs, not in content.
  if (node.type === 'mention') return typeof node.attrs?.text === 'string' ? node.attrs.text : '@someone';
  const parts = (node.content ?? []).map(adfText);
  return node.type === 'doc' ? parts.join('\n') : parts.join('');
};

/** A field value as text: options, users, lists and ADF read as a person would. */
export const fieldText = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(fieldText).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.displayName === 'string') return record.displayName;
    if (typeof record.value === 'string') return record.value;
    if (typeof record.name === 'string') return record.name;
    if (record.type === 'doc') return adfText(record) || '—';
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return '—';
};
