export { KpiTile } from './KpiTile';
export type { KpiTileProps, TileState } from './KpiTile';
