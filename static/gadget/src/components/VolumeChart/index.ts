export { VolumeChart } from './VolumeChart';
export type { VolumeChartProps } from './VolumeChart';
