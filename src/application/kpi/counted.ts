/** What one way of counting a gadget's scope gives getKpis: summaries to merge, where they came from, what is left out. */
import type { GetKpisResponse } from '../../contracts/gadget-kpis';
import type { KpiSummary } from '../../domain/kpi/kpi-summary';

export type CountedProject = Extract<GetKpisResponse, { ok: true }>['projects'][number];

export interface Counted {
  readonly summaries: KpiSummary[];
  readonly projects: CountedProject[];
  /** Sentences for the viewer; never naming a project or issue they may not see. */
  readonly notes: string[];
}
