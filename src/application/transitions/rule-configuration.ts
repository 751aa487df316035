/**
 * The configuration a workflow rule of the app receives: setup saves `{"transition":"approve"}` on every validator
 * and post function (workflow-plan.ts). Forge documents `configuration` as the object onConfigure saved, but some
 * apps report receiving it as JSON text (FORGE_NOTES §16), so both are read. Anything else reads as "no
 * transition" and the caller decides (the validator refuses; the post function falls back to the statuses).
 */
import { z } from 'zod';
import type { TransitionName } from '../../domain/rules/rule';
import { isTransitionName } from './transition-catalog';

export interface RuleConfiguration {
  /** The transition named by the configuration, when it is one the app knows. */
  readonly transition: TransitionName | undefined;
  /** What the configuration held under `transition`, for the message that says it is not a known one. */
  readonly configured: unknown;
}

/** Members beyond `transition` (a `disabled`, an editor's own keys) are allowed: Jira and editors add them. */
const ConfigurationObjectSchema = z.looseObject({ transition: z.unknown().optional() });

/** JSON text decoded, or undefined when it is not JSON. */
const jsonOf = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const ConfigurationSchema = z.union([
  ConfigurationObjectSchema,
  z.string().transform(jsonOf).pipe(ConfigurationObjectSchema),
]);

export const readRuleConfiguration = (raw: unknown): RuleConfiguration => {
  const parsed = ConfigurationSchema.safeParse(raw);
  const configured: unknown = parsed.success ? parsed.data.transition : undefined;
  return { transition: isTransitionName(configured) ? configured : undefined, configured };
};
