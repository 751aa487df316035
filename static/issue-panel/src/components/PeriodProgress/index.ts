export { PeriodProgress } from './PeriodProgress';
