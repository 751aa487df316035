export { RecertificationChecklist } from './RecertificationChecklist';
