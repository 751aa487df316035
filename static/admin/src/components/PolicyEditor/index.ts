export { PolicyEditor } from './PolicyEditor';
