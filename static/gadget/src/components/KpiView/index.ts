export { KpiView } from './KpiView';
export type { KpiViewProps } from './KpiView';
