/** A Jira project key as Jira allows them (an upper-case letter first), shared by every contract that names one. */
import { z } from 'zod';

export const ProjectKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'must be a Jira project key such as SEC');
