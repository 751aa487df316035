import type { ForgeAppDefinition, ForgeModule, ForgeModuleType } from './forge-types';

/**
 * Rule keys of Forge rules in WorkflowRuleConfiguration. The document lists only these three; whether a
 * *function* validator has its own key is undocumented (FORGE_NOTES §3 ⚠), so validators of both kinds
 * report forge:expression-validator through GET /workflows/capabilities, where the app should read them.
 */
export const FORGE_RULE_KEYS = {
  validator: 'forge:expression-validator',
  condition: 'forge:expression-condition',
  postFunction: 'forge:workflow-post-function',
} as const;

const RULE_TYPES = { validator: 'Validator', condition: 'Condition', postFunction: 'Function' } as const;

export const extensionAri = (appId: string, environmentId: string, moduleKey: string): string =>
  `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${moduleKey}`;

export interface ResolvedModule {
  readonly app: ForgeAppDefinition;
  readonly module: ForgeModule;
  readonly ari: string;
}

export interface ForgeRuleCapability {
  id: string;
  name: string;
  description: string;
  ruleKey: string;
  ruleType: 'Condition' | 'Validator' | 'Function';
}

/** The apps installed on the simulated site. */
export class ForgeApps {
  private readonly apps = new Map<string, ForgeAppDefinition>();

  install(app: ForgeAppDefinition): void {
    this.apps.set(app.appId, app);
  }

  uninstall(appId: string): void {
    this.apps.delete(appId);
  }

  all(): ForgeAppDefinition[] {
    return [...this.apps.values()];
  }

  /** The module a rule's parameters.key (an extension ARI) names, if an installed app has it with that type. */
  moduleForRule(ari: string | undefined, type: ForgeModuleType): ResolvedModule | undefined {
    for (const app of this.apps.values()) {
      for (const module of app.modules) {
        const moduleAri = extensionAri(app.appId, app.environmentId, module.key);
        if (moduleAri === ari && module.type === type) return { app, module, ari: moduleAri };
      }
    }
    return undefined;
  }

  subscribers(eventName: string): ResolvedModule[] {
    return this.all().flatMap((app) =>
      app.modules
        .filter((module) => module.type === 'trigger' && (module.events ?? []).includes(eventName))
        .map((module) => ({ app, module, ari: extensionAri(app.appId, app.environmentId, module.key) })),
    );
  }

  forgeRules(): ForgeRuleCapability[] {
    return this.all().flatMap((app) =>
      app.modules.flatMap((module): ForgeRuleCapability[] => {
        if (module.type === 'trigger') return [];
        return [
          {
            id: extensionAri(app.appId, app.environmentId, module.key),
            name: module.name ?? module.key,
            description: module.description ?? '',
            ruleKey: FORGE_RULE_KEYS[module.type],
            ruleType: RULE_TYPES[module.type],
          },
        ];
      }),
    );
  }
}
