export { KpiTiles } from './KpiTiles';
export type { KpiTilesProps } from './KpiTiles';
