export { PanelErrorBoundary } from './PanelErrorBoundary';
