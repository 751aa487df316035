/**
 * The admin page's platform self-check (DESIGN.md §12): the recorded shapes of every source and what they say
 * about the code's assumptions. Jira admins only, checked before anything is read (DESIGN.md §10): the shapes
 * hold no values, but what a site's Jira sends the app is for its administrators.
 */
import { z } from 'zod';
import {
  SELF_CHECK_SOURCES,
  type GetPlatformSelfCheckResponse,
  type SelfCheckSource,
  type SourceReport,
} from '../../contracts/admin-self-check';
import type { Answered } from '../../contracts/refusal';
import { notAdminMessage } from '../policy/require-jira-admin';
import { adminUseCase } from '../use-case';
import type { DirectoryPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { sourceReport } from './self-check-report';
import { shapeLogKey, ShapeLogSchema, sightingsOf } from './shape-log';

export interface SelfCheckDependencies {
  readonly jiraAsUser: DirectoryPort;
  readonly store: StorePort;
}

const reportOf = async (source: SelfCheckSource, store: StorePort): Promise<SourceReport> => {
  const stored = await store.get(shapeLogKey(source), z.unknown());
  if (stored === undefined) return sourceReport(source, []);
  const log = ShapeLogSchema.safeParse(stored);
  return log.success ? sourceReport(source, sightingsOf(log.data)) : sourceReport(source, [], true);
};

export const getPlatformSelfCheck = adminUseCase(
  notAdminMessage('see the platform self-check'),
  async (_request: unknown, deps: SelfCheckDependencies): Promise<Answered<GetPlatformSelfCheckResponse>> => {
    const sources = await Promise.all(SELF_CHECK_SOURCES.map((source) => reportOf(source, deps.store)));
    return { ok: true, sources };
  },
);
