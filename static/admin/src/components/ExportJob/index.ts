export { ExportJob } from './ExportJob';
