export { RefusalMessage, type RefusalMessageProps } from './RefusalMessage';
