/**
 * The saved configuration (`extension.gadgetConfiguration`) as a GadgetConfig. Jira keeps Forge's own `refresh`
 * member next to ours (FORGE_NOTES §7), which the strict contract schema does not know, so it is set aside first.
 * Nothing saved (a new gadget, or `{}`) means the default; something saved that is not a configuration is reported
 * so the view can say it shows the default instead.
 */
import { DEFAULT_GADGET_CONFIG, GadgetConfigSchema, type GadgetConfig } from '@contracts/gadget-kpis';

export interface ConfigReading {
  readonly config: GadgetConfig;
  /** True when something was saved but it is not a configuration this version understands. */
  readonly unreadable: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const readGadgetConfig = (saved: unknown): ConfigReading => {
  if (saved === undefined || saved === null) return { config: DEFAULT_GADGET_CONFIG, unreadable: false };
  if (!isRecord(saved)) return { config: DEFAULT_GADGET_CONFIG, unreadable: true };
  const ours = Object.fromEntries(Object.entries(saved).filter(([key]) => key !== 'refresh'));
  if (Object.keys(ours).length === 0) return { config: DEFAULT_GADGET_CONFIG, unreadable: false };
  const parsed = GadgetConfigSchema.safeParse(ours);
  return parsed.success
    ? { config: parsed.data, unreadable: false }
    : { config: DEFAULT_GADGET_CONFIG, unreadable: true };
};

/** What edit mode hands to `view.submit`: our configuration plus Forge's auto-refresh, a positive integer or none. */
export const toSubmission = (config: GadgetConfig): GadgetConfig & { refresh?: number } =>
  config.refreshMinutes > 0 ? { ...config, refresh: config.refreshMinutes } : { ...config };
