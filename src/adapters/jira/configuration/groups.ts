/**
 * Jira groups, looked up by name (the policy's approver groups).
 */
import { route } from '@forge/api';
import type { JiraGroup } from '../../../application/ports/configuration-port';
import { GroupDetailsSchema } from '../jira-configuration-schemas';
import { type ConfigurationCalls, PAGE_SIZE } from './configuration-calls';

/**
 * One lookup per name: `groupName` repeats in the query (ISSUE6 A2), and a literal `route` cannot carry a
 * variable number of parameters. Policies name a handful of groups, so this stays a few calls.
 */
export const findGroupsByName = async (
  calls: ConfigurationCalls,
  names: readonly string[],
): Promise<JiraGroup[]> => {
  const found: JiraGroup[] = [];
  for (const name of new Set(names)) {
    const groups = await calls.allPages('GET /rest/api/3/group/bulk', GroupDetailsSchema, (startAt) =>
      calls.fetcher.requestJira(
        route`/rest/api/3/group/bulk?groupName=${name}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        { method: 'GET' },
      ),
    );
    const groupId = groups.find(
      (candidate) => candidate.name === name && (candidate.groupId ?? '') !== '',
    )?.groupId;
    if (groupId != null) found.push({ groupId, name });
  }
  return found;
};
