export { CheckboxField } from './CheckboxField';
export { ChoiceField } from './ChoiceField';
export { ControlsField } from './ControlsField';
export { DraftContext, useDraft, type DraftEditing } from './draft-context';
export { FieldShell, fieldId } from './FieldShell';
export { ListField } from './ListField';
export { NumberField } from './NumberField';
export { TextAreaField } from './TextAreaField';
export { TextField } from './TextField';
