/** The site configuration setup wrote, for the use cases that cannot work without it. */
import type { StorePort } from '../ports/store-port';
import { SITE_CONFIG_KEY, SiteConfigSchema, type SiteConfig } from '../site-config';

export const readSiteConfig = (store: StorePort): Promise<SiteConfig | undefined> =>
  store.get(SITE_CONFIG_KEY, SiteConfigSchema);

export const NOT_SET_UP_MESSAGE =
  "The Security Exceptions app is not set up on this site yet, so the policy cannot be checked. A Jira admin can run the setup on the app's admin page.";
