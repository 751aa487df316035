/**
 * The app as the simulator installs it (integration tests, benchmarks, the standalone server), read from manifest.yml itself (so a module or index
 * the manifest lacks is missing in the tests too): the workflow-rule modules (validators, post function,
 * condition) with their expressions, so `workflows/capabilities` reports them as Jira would and the simulator
 * evaluates them; and the jira:entityProperty indexes, which Jira builds when the app is installed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { PropertyIndexPath } from '../state/sim-state';
import type { ForgeModule } from '../workflow/forge-types';

export const APP_ID = '5c1e0d2a-7b4f-4e8a-9c61-3f2d8a7b6e10';
export const ENVIRONMENT_ID = 'e7a1c0de-0000-4000-8000-000000000001';
export const APP_NAME = 'Security Exceptions for Jira';

const RuleModuleSchema = z.object({
  key: z.string(),
  name: z.string(),
  expression: z.string().optional(),
  errorMessage: z.string().optional(),
});

const ManifestSchema = z.object({
  modules: z.object({
    'jira:workflowValidator': z.array(RuleModuleSchema).default([]),
    'jira:workflowPostFunction': z.array(RuleModuleSchema).default([]),
    'jira:workflowCondition': z.array(RuleModuleSchema).default([]),
    'jira:entityProperty': z
      .array(
        z.object({
          entityType: z.string(),
          propertyKey: z.string(),
          values: z.array(
            z.object({
              path: z.string(),
              type: z.enum(['number', 'string', 'text', 'user', 'date']),
              searchAlias: z.string().optional(),
            }),
          ),
        }),
      )
      .default([]),
    trigger: z
      .array(
        z.object({
          key: z.string(),
          events: z.array(z.string()),
          filter: z.object({ ignoreSelf: z.boolean().optional() }).optional(),
        }),
      )
      .default([]),
  }),
});

const manifest = ManifestSchema.parse(
  parse(readFileSync(path.join(__dirname, '..', '..', 'manifest.yml'), 'utf8')),
);

const ruleModule =
  (type: ForgeModule['type']) =>
  ({ key, name, expression, errorMessage }: z.infer<typeof RuleModuleSchema>): ForgeModule => ({
    key,
    type,
    name,
    ...(expression === undefined ? {} : { expression }),
    ...(errorMessage === undefined ? {} : { errorMessage }),
  });

export const WORKFLOW_RULE_MODULES: readonly ForgeModule[] = [
  ...manifest.modules['jira:workflowValidator'].map(ruleModule('validator')),
  ...manifest.modules['jira:workflowPostFunction'].map(ruleModule('postFunction')),
  ...manifest.modules['jira:workflowCondition'].map(ruleModule('condition')),
];

/** The issue-property indexes of the manifest's jira:entityProperty modules, by property key. */
export const ISSUE_PROPERTY_INDEXES: readonly { propertyKey: string; paths: PropertyIndexPath[] }[] =
  manifest.modules['jira:entityProperty']
    .filter((module) => module.entityType === 'issue')
    .map((module) => ({
      propertyKey: module.propertyKey,
      paths: module.values.map(({ path: valuePath, type, searchAlias }) => ({
        path: valuePath,
        type,
        ...(searchAlias === undefined ? {} : { searchAlias }),
      })),
    }));

/**
 * The trigger modules subscribed to Jira issue events (Forge app events such as avi:forge:installed:app are not
 * the site's to deliver), with their events; `ignoreSelf` modules must not receive the app's own changes.
 */
export const JIRA_TRIGGER_MODULES: readonly (ForgeModule & { readonly ignoreSelf: boolean })[] =
  manifest.modules.trigger.flatMap(({ key, events, filter }) => {
    const jiraEvents = events.filter((event) => event.startsWith('avi:jira:'));
    return jiraEvents.length === 0
      ? []
      : [{ key, type: 'trigger' as const, events: jiraEvents, ignoreSelf: filter?.ignoreSelf === true }];
  });
