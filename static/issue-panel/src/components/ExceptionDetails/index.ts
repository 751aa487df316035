export { ExceptionDetails } from './ExceptionDetails';
