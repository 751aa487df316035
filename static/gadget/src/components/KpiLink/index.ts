export { KpiLink } from './KpiLink';
export type { KpiLinkProps } from './KpiLink';
