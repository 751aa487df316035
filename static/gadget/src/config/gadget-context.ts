/**
 * What the gadget reads from `view.getContext()` (FORGE_NOTES §7, §8): edit or view mode, the saved configuration,
 * the gadget's id (for refresh events meant for one gadget) and the site's address (for issue navigator links).
 * Read leniently: Jira adds members over time, and a member we do not know is not a reason to fail the gadget.
 */
import { z } from 'zod';
import { view } from '@forge/bridge';

const GadgetContextSchema = z.object({
  siteUrl: z.string().optional().catch(undefined),
  extension: z
    .object({
      entryPoint: z.string().optional().catch(undefined),
      gadgetConfiguration: z.unknown().optional(),
      gadget: z
        .object({ id: z.string().optional().catch(undefined) })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export interface GadgetContext {
  readonly mode: 'view' | 'edit';
  readonly savedConfiguration: unknown;
  readonly gadgetId: string | undefined;
  /** The site's address without a trailing slash, or '' when the host does not say (links stay site-relative). */
  readonly siteUrl: string;
}

export const toGadgetContext = (raw: unknown): GadgetContext => {
  const parsed = GadgetContextSchema.safeParse(raw ?? {});
  const context = parsed.success ? parsed.data : {};
  const extension = context.extension;
  return {
    mode: extension?.entryPoint === 'edit' ? 'edit' : 'view',
    savedConfiguration: extension?.gadgetConfiguration,
    gadgetId: extension?.gadget?.id,
    siteUrl: (context.siteUrl ?? '').replace(/\/+$/, ''),
  };
};

export const loadGadgetContext = async (): Promise<GadgetContext> => toGadgetContext(await view.getContext());
