import type { RouteTable } from '../http/route-types';
import { bulkRoutes } from './bulk-routes';
import { commentRoutes } from './comment-routes';
import { fieldRoutes } from './field-routes';
import { groupRoutes } from './group-routes';
import { issueLinkRoutes } from './issue-link-routes';
import { issueRoutes } from './issue-routes';
import { issueTypeRoutes } from './issue-type-routes';
import { projectRoutes } from './project-routes';
import { propertyRoutes } from './property-routes';
import { screenRoutes } from './screen-routes';
import { searchRoutes } from './search-routes';
import { statusRoutes } from './status-routes';
import { transitionRoutes } from './transition-routes';
import { userRoutes } from './user-routes';
import { workflowRoutes } from './workflow-routes';
import { workflowSchemeRoutes } from './workflow-scheme-routes';

/** Every operation the simulator implements, by the document's operationId. */
export const ROUTES: RouteTable = {
  ...searchRoutes,
  ...issueRoutes,
  ...commentRoutes,
  ...transitionRoutes,
  ...propertyRoutes,
  ...bulkRoutes,
  ...issueLinkRoutes,
  ...fieldRoutes,
  ...issueTypeRoutes,
  ...statusRoutes,
  ...workflowRoutes,
  ...workflowSchemeRoutes,
  ...screenRoutes,
  ...userRoutes,
  ...groupRoutes,
  ...projectRoutes,
};
