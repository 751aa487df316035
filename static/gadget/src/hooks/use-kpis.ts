/**
 * The gadget's numbers and when to fetch them again: on load, every `refreshMinutes` (0 = never on its own) and
 * on Jira's refresh event (FORGE_NOTES §7: every Forge gadget receives JIRA_DASHBOARD_GADGET_REFRESH; one with
 * `origin: 'gadget'` names the gadget it is for). Any fetch restarts the timer, so a dashboard refresh and ours
 * do not double up. A slower older answer never replaces a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { events } from '@forge/bridge';
import type { GadgetConfig } from '@contracts/gadget-kpis';
import type { Refusal } from '@contracts/refusal';
import { getKpis, type KpiAnswer } from '../api/get-kpis';

export type KpiState =
  | { readonly status: 'loading' }
  | { readonly status: 'answered'; readonly answer: KpiAnswer; readonly refreshing: boolean }
  | { readonly status: 'refused'; readonly refusal: Refusal }
  | { readonly status: 'failed'; readonly error: Error };

export const REFRESH_EVENT = 'JIRA_DASHBOARD_GADGET_REFRESH';

const isForOtherGadget = (payload: unknown, gadgetId: string | undefined): boolean => {
  if (typeof payload !== 'object' || payload === null) return false;
  const { origin, gadgetId: target } = payload as { origin?: unknown; gadgetId?: unknown };
  return origin === 'gadget' && gadgetId !== undefined && typeof target === 'string' && target !== gadgetId;
};

export const useKpis = (
  config: GadgetConfig,
  gadgetId: string | undefined,
): { state: KpiState; reload: () => void } => {
  const [state, setState] = useState<KpiState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const reload = useCallback(() => {
    setRound((n) => n + 1);
  }, []);

  useEffect(() => {
    const call = ++latest.current;
    setState((previous) =>
      previous.status === 'answered' ? { ...previous, refreshing: true } : { status: 'loading' },
    );
    getKpis(config).then(
      (answer) => {
        if (call !== latest.current) return;
        setState(
          answer.ok
            ? { status: 'answered', answer, refreshing: false }
            : { status: 'refused', refusal: answer },
        );
      },
      (error: unknown) => {
        if (call !== latest.current) return;
        setState({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
  }, [config, round]);

  useEffect(() => {
    if (config.refreshMinutes === 0) return undefined;
    const timer = setTimeout(reload, config.refreshMinutes * 60_000);
    return () => {
      clearTimeout(timer);
    };
  }, [config.refreshMinutes, round, reload]);

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let gone = false;
    events
      .on(REFRESH_EVENT, (payload: unknown) => {
        if (!isForOtherGadget(payload, gadgetId)) reload();
      })
      .then(
        (subscription) => {
          if (gone) subscription.unsubscribe();
          else
            unsubscribe = () => {
              subscription.unsubscribe();
            };
        },
        (error: unknown) => {
          console.warn('Jira refresh events are not available here.', error);
        },
      );
    return () => {
      gone = true;
      unsubscribe?.();
    };
  }, [gadgetId, reload]);

  return { state, reload };
};
