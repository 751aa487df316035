export { PolicyTab } from './PolicyTab';
