/** The admin page's resolvers by their contract names (src/contracts/resolver-names.ts), so a typo does not compile. */
import type { AdminResolverName } from '@contracts/resolver-names';
import { callResolver } from '@shared/api/call-resolver';
import type { z } from 'zod';

export const callAdmin = <Schema extends z.ZodType>(
  name: AdminResolverName,
  payload: Record<string, unknown>,
  schema: Schema,
): Promise<z.infer<Schema>> => callResolver(name, payload, schema);
