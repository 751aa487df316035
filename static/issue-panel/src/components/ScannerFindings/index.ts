export { ScannerFindings, type ScannerFindingsProps } from './ScannerFindings';
