export { SweepsTab } from './SweepsTab';
