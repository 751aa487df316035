export { SummaryView } from './SummaryView';
