/**
 * What the panel needs from `view.getContext()` (FORGE_NOTES §8, jira:issuePanel): the issue's key (the resolver's
 * input), its id (JIRA_ISSUE_CHANGED names the issue by id) and the viewer's locale (dates). Parsed, not cast: a
 * context without an issue key is a page opened somewhere it does not belong, said in plain words.
 */
import { view } from '@forge/bridge';
import { z } from 'zod';

export interface PanelContext {
  readonly issueKey: string;
  /** Absent when the host does not say; then every JIRA_ISSUE_CHANGED event refreshes the panel. */
  readonly issueId: string | undefined;
  /** A BCP 47 tag for Intl (Jira says `en_US`), or undefined for the browser's own. */
  readonly locale: string | undefined;
}

const ContextSchema = z.object({
  locale: z.string().optional(),
  extension: z.object({
    issue: z.object({ key: z.string().min(1), id: z.union([z.string(), z.number()]).optional() }),
  }),
});

export class PanelContextError extends Error {
  override readonly name = 'PanelContextError';
}

/** Jira writes locales with an underscore (`en_US`); Intl wants `en-US` and throws on a tag it cannot read. */
export const intlLocale = (locale: string | undefined): string | undefined => {
  if (locale === undefined) return undefined;
  const tag = locale.replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
};

export const readPanelContext = async (): Promise<PanelContext> => {
  let context: unknown;
  try {
    context = await view.getContext();
  } catch {
    throw new PanelContextError('The panel could not ask Jira which issue it is on. Reload the page.');
  }
  const parsed = ContextSchema.safeParse(context);
  if (!parsed.success)
    throw new PanelContextError(
      'Jira did not say which issue this panel is on. Open the panel from an issue, or reload the page.',
    );
  const { extension, locale } = parsed.data;
  return {
    issueKey: extension.issue.key,
    issueId: extension.issue.id === undefined ? undefined : String(extension.issue.id),
    locale: intlLocale(locale),
  };
};
