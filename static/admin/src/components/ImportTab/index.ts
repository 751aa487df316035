export { ImportTab } from './ImportTab';
