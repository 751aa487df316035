export { GadgetApp } from './GadgetApp';
