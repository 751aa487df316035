export { PanelApp } from './PanelApp';
