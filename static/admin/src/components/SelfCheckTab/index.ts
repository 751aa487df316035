export { SelfCheckTab } from './SelfCheckTab';
