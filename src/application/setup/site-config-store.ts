/** Reading and writing the SiteConfig setup leaves for every other use case (site-config.ts). */
import { z } from 'zod';
import type { StorePort } from '../ports/store-port';
import { SITE_CONFIG_KEY, SiteConfigSchema, type SiteConfig } from '../site-config';
import type { SetupReportBuilder } from './setup-report';

/** A stored config that no longer parses is treated as absent: writing a complete one is what repairs it. */
export const readSiteConfig = async (store: StorePort): Promise<SiteConfig | undefined> => {
  try {
    return await store.get(SITE_CONFIG_KEY, SiteConfigSchema);
  } catch (error) {
    if (error instanceof z.ZodError) return undefined;
    throw error;
  }
};

/** Writes the config with the project added to the projects set up before; reports whether anything changed. */
export const saveSiteConfig = async (
  store: StorePort,
  report: SetupReportBuilder,
  config: Omit<SiteConfig, 'projects'>,
  project: { readonly id: string; readonly key: string },
): Promise<SiteConfig> => {
  const previous = await readSiteConfig(store);
  const others = (previous?.projects ?? []).filter((candidate) => candidate.id !== project.id);
  const next = SiteConfigSchema.parse({
    ...config,
    projects: [...others, { id: project.id, key: project.key }],
  });
  const text = `site configuration for project ${project.key}`;
  if (previous !== undefined && JSON.stringify(previous) === JSON.stringify(next)) {
    report.found('site-config', text, 'skipped');
    return previous;
  }
  await store.set(SITE_CONFIG_KEY, next);
  report.created('site-config', text);
  return next;
};
