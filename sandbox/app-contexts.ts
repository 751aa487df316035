/**
 * What Forge gives each Custom UI app, in the sandbox: the resolver context (accountId, localId = the module's
 * extension ARI with the app's id, extension by module type: FORGE_NOTES §8) and `view.getContext()`'s answer.
 * The apps are the manifest's three resources; each runs its own resolver function.
 */
import { z } from 'zod';
import type { JiraSimulator } from '../simulator/create-jira-simulator';
import { APP_ID, ENVIRONMENT_ID } from '../simulator/seed/app-modules';
import { extensionAri } from '../simulator/workflow/forge-apps';

export const SANDBOX_APPS = ['gadget', 'admin', 'issue-panel'] as const;
export type SandboxApp = (typeof SANDBOX_APPS)[number];

/** Where the app runs: the issue of the issue panel, the gadget's id (and entry point) on the dashboard. */
export const AppPlaceSchema = z.object({
  app: z.enum(SANDBOX_APPS),
  issueKey: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'must be an issue key')
    .optional(),
  gadgetId: z
    .string()
    .regex(/^[\w-]{1,64}$/, 'must be a gadget id')
    .optional(),
  entryPoint: z.enum(['view', 'edit']).optional(),
});
export type AppPlace = z.infer<typeof AppPlaceSchema>;

const MODULES: Readonly<Record<SandboxApp, { moduleKey: string; type: string }>> = {
  gadget: { moduleKey: 'exception-kpis', type: 'jira:dashboardGadget' },
  admin: { moduleKey: 'exception-admin', type: 'jira:adminPage' },
  'issue-panel': { moduleKey: 'exception-panel', type: 'jira:issuePanel' },
};

const extensionOf = (
  sim: JiraSimulator,
  place: AppPlace,
  gadgetConfiguration: Readonly<Record<string, unknown>>,
): Record<string, unknown> => {
  const { type } = MODULES[place.app];
  if (place.app === 'issue-panel') {
    const issue = place.issueKey === undefined ? undefined : sim.state.issue(place.issueKey);
    if (issue === undefined) return { type };
    const project = sim.state.project(issue.projectId);
    const issueType = sim.state.issueTypes.get(issue.issueTypeId);
    return {
      type,
      issue: { id: issue.id, key: issue.key, type: issueType?.name ?? '', typeId: issue.issueTypeId },
      project: { id: issue.projectId, key: project?.key ?? '', type: 'software' },
    };
  }
  if (place.app === 'gadget')
    return {
      type,
      gadget: { id: place.gadgetId ?? 'sandbox-gadget' },
      dashboard: { id: 'sandbox-dashboard' },
      gadgetConfiguration,
      ...(place.entryPoint === 'edit' ? { entryPoint: 'edit' } : {}),
    };
  return { type };
};

/** The resolver's `context` (Forge merges accountId from the invocation's principal; FORGE_NOTES §8). */
export const resolverContext = (
  sim: JiraSimulator,
  place: AppPlace,
  gadgetConfiguration: Readonly<Record<string, unknown>>,
): Record<string, unknown> => {
  const { moduleKey } = MODULES[place.app];
  return {
    localId: extensionAri(APP_ID, ENVIRONMENT_ID, moduleKey),
    moduleKey,
    cloudId: 'sandbox-cloud',
    environmentId: ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    siteUrl: sim.baseUrl,
    extension: extensionOf(sim, place, gadgetConfiguration),
  };
};

/** `view.getContext()`: the resolver context plus the viewer, locale, time zone and theme. */
export const viewContext = (
  sim: JiraSimulator,
  place: AppPlace,
  accountId: string,
  gadgetConfiguration: Readonly<Record<string, unknown>>,
): Record<string, unknown> => ({
  ...resolverContext(sim, place, gadgetConfiguration),
  accountId,
  accountType: 'licensed',
  locale: 'en-US',
  timezone: 'UTC',
  theme: { colorMode: 'light' },
});
