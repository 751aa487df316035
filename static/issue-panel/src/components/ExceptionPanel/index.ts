export { ExceptionPanel } from './ExceptionPanel';
