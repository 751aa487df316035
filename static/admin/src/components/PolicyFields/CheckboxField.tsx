/** A yes/no setting. */
import { Checkbox } from '@atlaskit/checkbox';
import { token } from '@atlaskit/tokens';
import { valueAt, type PolicyPath } from '../../policy/draft-path';
import { useDraft } from './draft-context';
import { fieldId } from './FieldShell';

export interface CheckboxFieldProps {
  readonly path: PolicyPath;
  readonly label: string;
  /** What an absent value means (a setting added after the stored policy was saved). */
  readonly fallback?: boolean;
}

export function CheckboxField({ path, label, fallback = false }: CheckboxFieldProps) {
  const { draft, setAt } = useDraft();
  const value = valueAt(draft, path);
  return (
    <div style={{ marginBlockEnd: token('space.150') }}>
      <Checkbox
        id={fieldId(path)}
        label={label}
        isChecked={value === undefined ? fallback : value === true}
        onChange={(event) => {
          setAt(path, event.currentTarget.checked);
        }}
      />
    </div>
  );
}
