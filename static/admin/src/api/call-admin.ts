/** The admin page's resolvers by their contract names (src/contracts/resolver-names.ts), so a typo does not compile. */
import type { AdminResolverName } from '@contracts/resolver-names';
import { callResolver } from '@shared/api/call-resolver';
import type { z } from 'zod';

/**
 * Resolvers of the background export job and the import (ISSUE 7 item 4), built on other branches: their names
 * join ADMIN_RESOLVERS when those branches are merged, and then this list is redundant.
 */
type ArrivingResolverName = 'startExport' | 'getJob' | 'getExportPart' | 'importRegister';

export const callAdmin = <Schema extends z.ZodType>(
  name: AdminResolverName | ArrivingResolverName,
  payload: Record<string, unknown>,
  schema: Schema,
): Promise<z.infer<Schema>> => callResolver(name, payload, schema);
