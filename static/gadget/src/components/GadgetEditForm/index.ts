export { GadgetEditForm } from './GadgetEditForm';
export type { GadgetEditFormProps } from './GadgetEditForm';
