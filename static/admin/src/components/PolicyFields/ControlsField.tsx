/** One framework's control references of a pack (id and title each), with rows added and removed. */
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { pathKey, valueAt, type PolicyPath } from '../../policy/draft-path';
import { problemsUnder } from '../../policy/policy-problems';
import { useDraft } from './draft-context';
import { fieldId } from './FieldShell';

export interface ControlsFieldProps {
  readonly path: PolicyPath;
  /** The framework, e.g. "CIS Controls v8". */
  readonly label: string;
}

interface Row {
  readonly id: unknown;
  readonly title: unknown;
}

const rowsOf = (value: unknown): Row[] =>
  Array.isArray(value)
    ? value.map((item: unknown) =>
        typeof item === 'object' && item !== null
          ? { id: (item as Record<string, unknown>)['id'], title: (item as Record<string, unknown>)['title'] }
          : { id: '', title: '' },
      )
    : [];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function ControlsField({ path, label }: ControlsFieldProps) {
  const { draft, setAt, problems } = useDraft();
  const rows = rowsOf(valueAt(draft, path));
  const listProblems = problems.filter((problem) => problem.path === pathKey(path));
  return (
    <fieldset style={{ border: 'none', padding: 0, marginBlockEnd: token('space.150') }}>
      <legend style={{ font: token('font.body.small'), fontWeight: 600 }}>{label}</legend>
      {rows.map((row, index) => {
        const rowPath = [...path, index];
        const rowProblems = problemsUnder(problems, rowPath);
        const id = fieldId(rowPath);
        return (
          <div key={index} style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-end' }}>
            <div style={{ flex: '0 0 8rem' }}>
              <label htmlFor={`${id}-id`}>{`${label} control ${index + 1} id`}</label>
              <Textfield
                id={`${id}-id`}
                value={text(row.id)}
                isInvalid={problemsUnder(problems, [...rowPath, 'id']).length > 0}
                onChange={(event) => {
                  setAt([...rowPath, 'id'], event.currentTarget.value);
                }}
              />
            </div>
            <div style={{ flex: 1 }}>
              <label htmlFor={`${id}-title`}>{`${label} control ${index + 1} title`}</label>
              <Textfield
                id={`${id}-title`}
                value={text(row.title)}
                isInvalid={problemsUnder(problems, [...rowPath, 'title']).length > 0}
                onChange={(event) => {
                  setAt([...rowPath, 'title'], event.currentTarget.value);
                }}
              />
            </div>
            <Button
              onClick={() => {
                setAt(
                  path,
                  rows.filter((_, kept) => kept !== index),
                );
              }}
            >
              {`Remove ${label} control ${index + 1}`}
            </Button>
            {rowProblems.length > 0 && (
              <ul
                style={{ color: token('color.text.danger') }}
                aria-label={`Problems with ${label} control ${index + 1}`}
              >
                {rowProblems.map((problem, at) => (
                  <li key={at}>{`${problem.path.slice(pathKey(rowPath).length + 1)} ${problem.message}`}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <Button
        onClick={() => {
          setAt(path, [...rows, { id: '', title: '' }]);
        }}
      >
        {`Add ${label} control`}
      </Button>
      {listProblems.length > 0 && (
        <ul style={{ color: token('color.text.danger') }} aria-label={`Problems with ${label}`}>
          {listProblems.map((problem, at) => (
            <li key={at}>{problem.message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
