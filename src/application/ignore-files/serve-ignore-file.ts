/**
 * The scanner web trigger's use case (DESIGN.md §11): `GET <trigger URL>?project=KEY&format=trivy` with
 * `Authorization: Bearer <token>` answers the project's ignore file, built from the exceptions in force now. The
 * trigger has no user (FORGE_NOTES §11), so Jira is read as the app and the token is the only authority:
 * - a missing or malformed project or format: 400, saying which is wrong (the formats are public);
 * - no token, a wrong one, or a project without one: 401 and no data. A project that is not set up has no token,
 *   so an unauthenticated caller cannot tell it from a wrong token (project keys are not disclosed);
 * - a valid token whose project is no longer set up: 404;
 * - otherwise 200 with the file. Issues the app cannot read suppress nothing: the scan fails closed on them.
 */
import { suppressionsInForce } from '../../domain/ignore-files/suppressions';
import type { Clock } from '../ports/clock';
import type { IssuesPort } from '../ports/jira-port';
import type { SecretStorePort } from '../ports/secret-store-port';
import type { StorePort } from '../ports/store-port';
import { readSiteRegister } from '../register/read-site-register';
import { readSiteConfig } from '../transitions/site-config-of';
import { IGNORE_FORMATS, isIgnoreFormat, renderIgnoreFile } from './render-ignore-file';
import { isProjectToken } from './trigger-tokens';

export interface IgnoreFileRequest {
  /** Each query parameter's values (Forge passes arrays; a repeated or comma-separated one has several). */
  readonly project: readonly string[];
  readonly format: readonly string[];
  /** The bearer token of the Authorization header; undefined when absent or not a bearer token. */
  readonly token: string | undefined;
}

export interface IgnoreFileAnswer {
  readonly statusCode: 200 | 400 | 401 | 404;
  readonly contentType: string;
  readonly body: string;
  /** The file's name, for Content-Disposition, on 200. */
  readonly fileName?: string;
}

export interface IgnoreFileDependencies {
  readonly jiraAsApp: IssuesPort;
  readonly store: StorePort & SecretStorePort;
  readonly clock: Clock;
}

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;
const TEXT = 'text/plain; charset=utf-8';

const refuse = (statusCode: IgnoreFileAnswer['statusCode'], body: string): IgnoreFileAnswer => ({
  statusCode,
  contentType: TEXT,
  body: `${body}\n`,
});

const only = (values: readonly string[]): string | undefined => {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? distinct[0] : undefined;
};

export const UNAUTHORIZED =
  "401 Unauthorized: send the project's scanner token as 'Authorization: Bearer <token>'. A Jira admin creates or rotates it on the app's admin page.";

export const serveIgnoreFile = async (
  request: IgnoreFileRequest,
  deps: IgnoreFileDependencies,
): Promise<IgnoreFileAnswer> => {
  const project = only(request.project);
  if (project === undefined || !PROJECT_KEY.test(project))
    return refuse(400, '400 Bad Request: give one project as ?project=KEY, a Jira project key such as SEC.');
  const format = only(request.format);
  if (format === undefined || !isIgnoreFormat(format))
    return refuse(400, `400 Bad Request: give one format as ?format=, one of ${IGNORE_FORMATS.join(', ')}.`);
  if (!(await isProjectToken(deps.store, project, request.token))) return refuse(401, UNAUTHORIZED);
  const config = await readSiteConfig(deps.store);
  const configured = config?.projects.find((candidate) => candidate.key === project);
  if (config === undefined || configured === undefined)
    return refuse(404, `404 Not Found: the app is not set up in project ${project} any more.`);
  const register = await readSiteRegister(deps.jiraAsApp, { ...config, projects: [configured] });
  const file = renderIgnoreFile(format, suppressionsInForce(register.exceptions, deps.clock.now(), project));
  return { statusCode: 200, contentType: file.contentType, body: file.content, fileName: file.fileName };
};
