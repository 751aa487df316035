/** What a setup run did, as the admin page shows it (src/application/setup/setup-report.ts builds it). */
import { z } from 'zod';

/** Plain descriptions such as `field "Exception Type" (customfield_10020)`. */
export const SetupReportSchema = z.strictObject({
  created: z.array(z.string()).readonly(),
  adopted: z.array(z.string()).readonly(),
  skipped: z.array(z.string()).readonly(),
  /** What the admin must still do where setup could not, one sentence each (e.g. a policy group missing in Jira). */
  problems: z.array(z.string()).readonly().optional(),
});
export type SetupReportAnswer = z.infer<typeof SetupReportSchema>;
