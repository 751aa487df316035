export { SetupTab } from './SetupTab';
