export { TopList } from './TopList';
export type { TopListProps } from './TopList';
