export { ScannerTokensTab } from './ScannerTokensTab';
