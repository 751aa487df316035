/**
 * runSetup's payload: the contract's request, the adopted fields' names checked against the form's, shaped as
 * setup takes it.
 */
import type { z } from 'zod';
import type { ProvisionInput } from '../application/setup/check-site';
import { LOGICAL_FIELDS, type LogicalField } from '../application/site-config';
import { RunSetupRequestSchema } from '../contracts/admin-setup';

const isLogicalField = (field: string): field is LogicalField =>
  (LOGICAL_FIELDS as readonly string[]).includes(field);

export const RunSetupPayloadSchema: z.ZodType<ProvisionInput> = RunSetupRequestSchema.refine(
  ({ adoptFields = {} }) => Object.keys(adoptFields).every(isLogicalField),
  { path: ['adoptFields'], message: `may only name the form's fields: ${LOGICAL_FIELDS.join(', ')}` },
).transform(({ projectKey, adoptFields }): ProvisionInput => ({
  projectKey,
  ...(adoptFields === undefined ? {} : { adoptFields }),
}));
