/**
 * Jira fetchers of the Forge runtime. `asApp()` calls Jira as the app (scheduled triggers, events, installs: no
 * user there); `asUser()` as the person who invoked the function, so Jira shows them only what they may browse
 * (DESIGN.md §10). Both already have JiraFetcher's shape: `requestJira(route, init)`.
 * https://developer.atlassian.com/platform/forge/runtime-reference/product-fetch-api/
 */
import api from '@forge/api';
import type { JiraFetcher } from '../jira/jira-fetcher';

export const asAppFetcher = (): JiraFetcher => api.asApp();

export const asUserFetcher = (): JiraFetcher => api.asUser();
