/**
 * Jira's answers to the administration calls of setup (REST v3), as far as setup reads them. Loose objects:
 * Jira adds members over time. Ids come as numbers from some endpoints (screens, screen schemes, workflow
 * schemes) and as strings from others; they are read as strings.
 */
import { z } from 'zod';

export const IdSchema = z.union([z.string(), z.number()]).transform(String);

const Text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

/** The classic "PageBean" of startAt/maxResults paging. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    values: z.array(item).optional(),
    isLast: z.boolean().optional(),
    total: z.number().optional(),
  });

export const ProjectSchema = z.looseObject({
  id: IdSchema,
  key: z.string(),
  name: z.string(),
  simplified: z.boolean().optional(),
  style: z.string().optional(),
  issueTypes: z.array(z.looseObject({ id: IdSchema })).optional(),
});

export const FieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: Text,
  schema: z.looseObject({ custom: z.string().optional() }).optional(),
});

export const FieldContextSchema = z.looseObject({
  id: IdSchema,
  name: z.string(),
  isGlobalContext: z.boolean(),
  isAnyIssueType: z.boolean(),
});

export const CreatedFieldContextSchema = z.looseObject({
  id: IdSchema,
  name: z.string(),
  projectIds: z.array(z.string()).optional(),
  issueTypeIds: z.array(z.string()).optional(),
});

export const FieldOptionSchema = z.looseObject({
  id: IdSchema,
  value: z.string(),
  disabled: z.boolean().optional(),
});

export const CreatedFieldOptionsSchema = z.looseObject({ options: z.array(FieldOptionSchema).optional() });

export const IssueTypeSchema = z.looseObject({
  id: IdSchema,
  name: z.string(),
  description: Text,
  subtask: z.boolean().optional(),
  hierarchyLevel: z.number().optional(),
});

export const IssueTypeSchemeSchema = z.looseObject({
  id: IdSchema,
  name: z.string(),
  description: Text,
  isDefault: z.boolean().optional(),
  defaultIssueTypeId: z.string().nullish(),
});

export const CreatedIssueTypeSchemeSchema = z.looseObject({ issueTypeSchemeId: IdSchema });

export const IssueTypeSchemeProjectsSchema = z.looseObject({
  issueTypeScheme: IssueTypeSchemeSchema,
  projectIds: z.array(z.string()),
});

export const IssueTypeSchemeMappingSchema = z.looseObject({
  issueTypeSchemeId: IdSchema,
  issueTypeId: IdSchema,
});

const StatusCategorySchema = z.enum(['TODO', 'IN_PROGRESS', 'DONE']);

export const StatusSchema = z.looseObject({
  id: IdSchema,
  name: z.string(),
  description: Text,
  statusCategory: StatusCategorySchema,
});

const RuleSchema = z.looseObject({
  id: z.string().nullish(),
  ruleKey: z.string(),
  parameters: z.record(z.string(), z.string()).nullish(),
});

interface ConditionGroupInput {
  operation?: string | undefined;
  conditions?: z.infer<typeof RuleSchema>[] | null | undefined;
  conditionGroups?: ConditionGroupInput[] | null | undefined;
}

const ConditionGroupSchema: z.ZodType<ConditionGroupInput> = z.lazy(() =>
  z.looseObject({
    operation: z.string().optional(),
    conditions: z.array(RuleSchema).nullish(),
    conditionGroups: z.array(ConditionGroupSchema).nullish(),
  }),
);

export const WorkflowSchema = z.looseObject({
  id: IdSchema,
  name: z.string(),
  description: Text,
  statuses: z.array(z.looseObject({ statusReference: z.string() })),
  transitions: z.array(
    z.looseObject({
      id: IdSchema,
      name: z.string(),
      description: Text,
      type: z.enum(['INITIAL', 'GLOBAL', 'DIRECTED']),
      toStatusReference: z.string(),
      links: z.array(z.looseObject({ fromStatusReference: z.string().nullish() })).nullish(),
      validators: z.array(RuleSchema).nullish(),
      actions: z.array(RuleSchema).nullish(),
      conditions: ConditionGroupSchema.nullish(),
      transitionScreen: RuleSchema.nullish(),
    }),
  ),
});

/** WorkflowReadResponse and WorkflowCreateResponse. */
export const WorkflowsSchema = z.looseObject({
  statuses: z
    .array(z.looseObject({ id: IdSchema, name: z.string(), statusReference: z.string().optional() }))
    .optional(),
  workflows: z.array(WorkflowSchema).optional(),
});

/** WorkflowValidationErrorList of POST /workflows/create/validation. */
export const WorkflowValidationSchema = z.looseObject({
  errors: z
    .array(
      z.looseObject({
        code: z.string().nullish(),
        level: z.string().nullish(),
        message: z.string().nullish(),
        type: z.string().nullish(),
        elementReference: z
          .looseObject({
            propertyKey: z.string().nullish(),
            ruleId: z.string().nullish(),
            statusReference: z.string().nullish(),
            transitionId: z.string().nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
});

export const CapabilitiesSchema = z.looseObject({
  forgeRules: z
    .array(
      z.looseObject({
        id: z.string(),
        ruleKey: z.string(),
        ruleType: z.string().optional(),
        name: z.string().optional(),
      }),
    )
    .optional(),
});

export const WorkflowSchemeSchema = z.looseObject({
  id: IdSchema,
  name: z.string(),
  description: Text,
  defaultWorkflow: z.string().nullish(),
  issueTypeMappings: z.record(z.string(), z.string()).nullish(),
});

export const WorkflowSchemeAssociationsSchema = z.looseObject({
  values: z.array(z.looseObject({ projectIds: z.array(z.string()), workflowScheme: WorkflowSchemeSchema })),
});

export const ScreenSchema = z.looseObject({ id: IdSchema, name: z.string(), description: Text });

export const ScreenTabSchema = z.looseObject({ id: IdSchema, name: z.string() });

export const ScreenFieldSchema = z.looseObject({ id: z.string() });

export const ScreenSchemeSchema = z.looseObject({
  id: IdSchema,
  name: z.string(),
  description: Text,
  screens: z
    .looseObject({
      default: IdSchema.optional(),
      create: IdSchema.optional(),
      edit: IdSchema.optional(),
      view: IdSchema.optional(),
    })
    .optional(),
});

export const CreatedIdSchema = z.looseObject({ id: IdSchema });

export const IssueTypeScreenSchemeSchema = z.looseObject({
  id: IdSchema,
  name: z.string(),
  description: Text,
});

export const IssueTypeScreenSchemeItemSchema = z.looseObject({
  issueTypeScreenSchemeId: IdSchema,
  issueTypeId: z.string(),
  screenSchemeId: IdSchema,
});

export const IssueTypeScreenSchemeProjectsSchema = z.looseObject({
  issueTypeScreenScheme: IssueTypeScreenSchemeSchema,
  projectIds: z.array(z.string()),
});

/** GroupDetails of `GET /group/bulk`: the document marks `groupId` nullable and `name` optional. */
export const GroupDetailsSchema = z.looseObject({
  groupId: z.string().nullish(),
  name: z.string().optional(),
});
