/**
 * The app's own workflow rules, as `GET /rest/api/3/workflows/capabilities` reports them: each module of
 * manifest.yml appears with its extension ARI and the rule key to use for it. The rule keys are read, never
 * assumed: the document does not say which key a *function* validator has (FORGE_NOTES §3).
 */
import type { ForgeRule } from '../ports/configuration-port';

/** Module keys of manifest.yml. */
export const APP_RULE_MODULES = {
  validator: 'exception-policy-validator',
  postFunction: 'exception-lifecycle-recorder',
  condition: 'not-the-requester',
  /** An expression validator: the platform refuses the requester's decision with no app code running. */
  requesterValidator: 'requester-cannot-decide',
} as const;

export type AppRuleKind = keyof typeof APP_RULE_MODULES;

const RULE_TYPES: Readonly<Record<AppRuleKind, string>> = {
  validator: 'Validator',
  postFunction: 'Function',
  condition: 'Condition',
  requesterValidator: 'Validator',
};

export type AppRules = Readonly<Record<AppRuleKind, ForgeRule>>;

export type AppRulesLookup =
  | { readonly found: true; readonly rules: AppRules }
  | { readonly found: false; readonly missing: readonly string[] };

/** `appId` is the app's id, bare or as its ARI (`ari:cloud:ecosystem::app/<id>`, as getAppContext gives it). */
export const findAppRules = (rules: readonly ForgeRule[], appId: string): AppRulesLookup => {
  const id = appId.replace(/^ari:cloud:ecosystem::app\//, '');
  const ofApp = rules.filter((rule) => rule.id.startsWith(`ari:cloud:ecosystem::extension/${id}/`));
  const found: Partial<Record<AppRuleKind, ForgeRule>> = {};
  const missing: string[] = [];
  for (const kind of Object.keys(APP_RULE_MODULES) as AppRuleKind[]) {
    const moduleKey = APP_RULE_MODULES[kind];
    const rule = ofApp.find(
      (candidate) => candidate.id.endsWith(`/static/${moduleKey}`) && candidate.ruleType === RULE_TYPES[kind],
    );
    if (rule === undefined) missing.push(moduleKey);
    else found[kind] = rule;
  }
  const { validator, postFunction, condition, requesterValidator } = found;
  return validator !== undefined &&
    postFunction !== undefined &&
    condition !== undefined &&
    requesterValidator !== undefined
    ? { found: true, rules: { validator, postFunction, condition, requesterValidator } }
    : { found: false, missing };
};
