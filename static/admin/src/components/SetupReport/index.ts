export { SetupReport } from './SetupReport';
