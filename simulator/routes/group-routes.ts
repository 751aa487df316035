/**
 * GET /rest/api/3/group/bulk (bulkGetGroups): the site's groups, filtered by `groupName` and/or `groupId` (each
 * repeatable), paged with startAt/maxResults (default 50). Setup turns the policy's group names into the group
 * ids `system:restrict-issue-transition` takes (ISSUE6 A2). The permission it needs, Browse users and groups, is
 * one every simulated user holds (GET /mypermissions answers USER_PICKER for all). `accessType` and
 * `applicationKey` are not modelled: the simulator has no product access levels, so they filter nothing.
 */
import type { RouteTable } from '../http/route-types';
import type { SimGroup } from '../state/model';
import { apiUrl, pageOf } from './route-helpers';

const matches = (group: SimGroup, names: readonly string[], ids: readonly string[]): boolean =>
  (names.length === 0 && ids.length === 0) || names.includes(group.name) || ids.includes(group.groupId);

export const groupRoutes: RouteTable = {
  bulkGetGroups: (ctx) => {
    const names = ctx.query.list('groupName');
    const ids = ctx.query.list('groupId');
    const groups = [...ctx.core.state.groups.values()]
      .filter((group) => matches(group, names, ids))
      .sort((a, b) => a.name.localeCompare(b.name));
    const page = pageOf(ctx, groups, 50);
    return {
      status: 200,
      body: {
        ...page,
        self: apiUrl(ctx, `group/bulk?startAt=${page.startAt}&maxResults=${page.maxResults}`),
        values: page.values.map((group) => ({ groupId: group.groupId, name: group.name })),
      },
    };
  },
};
