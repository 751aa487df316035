/** A yes/no setting. */
import { Checkbox } from '@atlaskit/checkbox';
import { token } from '@atlaskit/tokens';
import { valueAt, type PolicyPath } from '../../policy/draft-path';
import { useDraft } from './draft-context';
import { fieldId } from './FieldShell';

export interface CheckboxFieldProps {
  readonly path: PolicyPath;
  readonly label: string;
}

export function CheckboxField({ path, label }: CheckboxFieldProps) {
  const { draft, setAt } = useDraft();
  return (
    <div style={{ marginBlockEnd: token('space.150') }}>
      <Checkbox
        id={fieldId(path)}
        label={label}
        isChecked={valueAt(draft, path) === true}
        onChange={(event) => {
          setAt(path, event.currentTarget.checked);
        }}
      />
    </div>
  );
}
