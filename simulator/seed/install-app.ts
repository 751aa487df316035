/**
 * Installs the app in a simulator as Forge installs it from manifest.yml: the property indexes of its
 * jira:entityProperty modules (so JQL on `nextActionAt` works), its workflow-rule modules (so setup finds them in
 * `workflows/capabilities` and can wire them) and its Jira-event triggers. What runs when Jira calls a module is
 * the caller's: the integration tests pass the real handlers; the standalone server has no Forge runtime and
 * passes none (a transition reaching one of the app's validators then answers 501, simulator/README.md).
 */
import type { InstalledApp, JiraSimulator } from '../create-jira-simulator';
import type { ForgeAppDefinition } from '../workflow/forge-types';
import {
  APP_ID,
  APP_NAME,
  ENVIRONMENT_ID,
  ISSUE_PROPERTY_INDEXES,
  JIRA_TRIGGER_MODULES,
  WORKFLOW_RULE_MODULES,
} from './app-modules';

export type AppHooks = Pick<ForgeAppDefinition, 'validate' | 'postFunction' | 'onEvent'>;

export const installSecurityExceptionsApp = (sim: JiraSimulator, hooks: AppHooks = {}): InstalledApp => {
  for (const index of ISSUE_PROPERTY_INDEXES) sim.registerPropertyIndex(index.propertyKey, index.paths);
  const { onEvent } = hooks;
  return sim.installApp({
    appId: APP_ID,
    environmentId: ENVIRONMENT_ID,
    name: APP_NAME,
    modules: [
      ...WORKFLOW_RULE_MODULES,
      ...JIRA_TRIGGER_MODULES.map(({ key, type, events }) => ({
        key,
        type,
        ...(events === undefined ? {} : { events }),
      })),
    ],
    ...(hooks.validate === undefined ? {} : { validate: hooks.validate }),
    ...(hooks.postFunction === undefined ? {} : { postFunction: hooks.postFunction }),
    ...(onEvent === undefined
      ? {}
      : {
          // manifest.yml filters these triggers with ignoreSelf: the app's own creates and edits are not delivered.
          onEvent: (name, event, context) => {
            const module = JIRA_TRIGGER_MODULES.find((candidate) => candidate.events?.includes(name));
            if (module?.ignoreSelf === true && event.selfGenerated === true)
              return Promise.resolve(undefined);
            return onEvent(name, event, context);
          },
        }),
  });
};
