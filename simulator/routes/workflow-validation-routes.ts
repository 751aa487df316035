/**
 * POST /rest/api/3/workflows/create/validation (validateCreateWorkflows), minimal: the payload is checked exactly
 * as POST /workflows/create would check it, and nothing is kept. Each problem the create would refuse becomes an
 * ERROR of the WorkflowValidationErrorList; so does a Forge rule without `parameters.id`, which a live test reports
 * the real endpoint failing on (FORGE_NOTES §16). Written by the setup work (issue 6 A5) until the simulator's own
 * implementation lands; the answer's shape is the document's.
 */
import { z } from 'zod';
import { JiraHttpError } from '../http/jira-error';
import type { RouteTable } from '../http/route-types';
import { parseBody } from './route-helpers';
import { workflowRoutes } from './workflow-routes';

const ValidateBody = z.object({
  payload: z.unknown(),
  validationOptions: z.object({ levels: z.array(z.enum(['WARNING', 'ERROR'])).optional() }).optional(),
});

const RuleIds = z.object({
  workflows: z
    .array(
      z.object({
        transitions: z
          .array(
            z.object({
              id: z.string().optional(),
              actions: z.array(z.unknown()).optional(),
              validators: z.array(z.unknown()).optional(),
              conditions: z.unknown().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});

const ForgeRule = z.object({
  ruleKey: z.string().startsWith('forge:'),
  parameters: z.record(z.string(), z.string()).optional(),
});

/** Forge rules of a transition (conditions nested in groups included) that carry no parameters.id. */
const forgeRulesWithoutId = (value: unknown): number => {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + forgeRulesWithoutId(item), 0);
  if (typeof value !== 'object' || value === null) return 0;
  const rule = ForgeRule.safeParse(value);
  if (rule.success) return rule.data.parameters?.id === undefined ? 1 : 0;
  return Object.values(value).reduce<number>((sum, item) => sum + forgeRulesWithoutId(item), 0);
};

export const workflowValidationRoutes: RouteTable = {
  validateCreateWorkflows: async (ctx) => {
    const body = parseBody(ValidateBody, ctx.body);
    const errors: Record<string, unknown>[] = [];
    const ids = RuleIds.safeParse(body.payload);
    for (const workflow of ids.success ? (ids.data.workflows ?? []) : []) {
      for (const transition of workflow.transitions ?? []) {
        const missing = forgeRulesWithoutId([
          transition.actions,
          transition.validators,
          transition.conditions,
        ]);
        if (missing > 0)
          errors.push({
            code: 'INVALID_RULE_CONFIGURATION',
            level: 'ERROR',
            type: 'RULE',
            message: `${missing} Forge rule(s) of the transition have no id parameter.`,
            ...(transition.id === undefined ? {} : { elementReference: { transitionId: transition.id } }),
          });
      }
    }
    // The create, done and undone: what it refuses is what validation reports.
    const { state } = ctx.core;
    const workflowsBefore = new Set(state.workflows.keys());
    const statusesBefore = new Set(state.statuses.keys());
    try {
      await workflowRoutes.createWorkflows?.({ ...ctx, body: body.payload });
    } catch (error) {
      if (!(error instanceof JiraHttpError) || error.status !== 400) throw error;
      for (const message of error.body.errorMessages)
        errors.push({ code: 'INVALID_WORKFLOW', level: 'ERROR', type: 'WORKFLOW', message });
    } finally {
      for (const id of state.workflows.keys()) if (!workflowsBefore.has(id)) state.workflows.delete(id);
      for (const id of state.statuses.keys()) if (!statusesBefore.has(id)) state.statuses.delete(id);
    }
    return { status: 200, body: { errors } };
  },
};
