/**
 * Screens, their tabs and the fields on them (FORGE_NOTES §12: manage:jira-project).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { Screen, ScreenTab } from '../../../application/ports/configuration-port';
import { ScreenFieldSchema, ScreenSchema, ScreenTabSchema } from '../jira-configuration-schemas';
import { type ConfigurationCalls, json, PAGE_SIZE } from './configuration-calls';

export const searchScreens = async (calls: ConfigurationCalls, queryString: string): Promise<Screen[]> => {
  return calls.allPages('GET /rest/api/3/screens', ScreenSchema, (startAt) =>
    calls.fetcher.requestJira(
      route`/rest/api/3/screens?queryString=${queryString}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
      { method: 'GET' },
    ),
  );
};

export const createScreen = async (
  calls: ConfigurationCalls,
  screen: { name: string; description: string },
): Promise<Screen> => {
  return calls.createOnce('POST /rest/api/3/screens', ScreenSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/screens`, { method: 'POST', body: json(screen) }),
  );
};

export const listScreenTabs = async (calls: ConfigurationCalls, screenId: string): Promise<ScreenTab[]> => {
  return calls.read('GET /rest/api/3/screens/{screenId}/tabs', z.array(ScreenTabSchema), () =>
    calls.fetcher.requestJira(route`/rest/api/3/screens/${screenId}/tabs`, { method: 'GET' }),
  );
};

export const createScreenTab = async (
  calls: ConfigurationCalls,
  screenId: string,
  name: string,
): Promise<ScreenTab> => {
  return calls.createOnce('POST /rest/api/3/screens/{screenId}/tabs', ScreenTabSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/screens/${screenId}/tabs`, {
      method: 'POST',
      body: json({ name }),
    }),
  );
};

export const listScreenTabFields = async (
  calls: ConfigurationCalls,
  screenId: string,
  tabId: string,
): Promise<string[]> => {
  const fields = await calls.read(
    'GET /rest/api/3/screens/{screenId}/tabs/{tabId}/fields',
    z.array(ScreenFieldSchema),
    () =>
      calls.fetcher.requestJira(route`/rest/api/3/screens/${screenId}/tabs/${tabId}/fields`, {
        method: 'GET',
      }),
  );
  return fields.map((field) => field.id);
};

export const addScreenTabField = async (
  calls: ConfigurationCalls,
  screenId: string,
  tabId: string,
  fieldId: string,
): Promise<void> => {
  await calls.createOnce('POST /rest/api/3/screens/{screenId}/tabs/{tabId}/fields', ScreenFieldSchema, () =>
    calls.fetcher.requestJira(route`/rest/api/3/screens/${screenId}/tabs/${tabId}/fields`, {
      method: 'POST',
      body: json({ fieldId }),
    }),
  );
};
