import { fireEvent, render, screen } from '@testing-library/react';
import { DraftContext } from './draft-context';
import { CheckboxField } from './CheckboxField';
import type { Draft, PolicyPath } from '../../policy/draft-path';

const renderWith = (draft: Draft, fallback?: boolean) => {
  const set: [PolicyPath, unknown][] = [];
  render(
    <DraftContext.Provider value={{ draft, problems: [], setAt: (path, value) => set.push([path, value]) }}>
      <CheckboxField
        path={['packs', 'Vulnerability patch delay', 'findingsRequired']}
        label="Findings required"
        {...(fallback === undefined ? {} : { fallback })}
      />
    </DraftContext.Provider>,
  );
  return set;
};

describe('CheckboxField', () => {
  it.each([
    ['an absent value with a true fallback', {}, true, true],
    ['an absent value without a fallback', {}, undefined, false],
    ['a stored false, whatever the fallback', { findingsRequired: false }, true, false],
    ['a stored true', { findingsRequired: true }, false, true],
  ])('shows %s as %s', (_name, pack, fallback, checked) => {
    renderWith({ packs: { 'Vulnerability patch delay': pack } }, fallback);
    expect(screen.getByLabelText<HTMLInputElement>('Findings required').checked).toBe(checked);
  });

  it('writes an explicit value when toggled', () => {
    const set = renderWith({ packs: { 'Vulnerability patch delay': {} } }, true);
    fireEvent.click(screen.getByLabelText('Findings required'));
    expect(set).toEqual([[['packs', 'Vulnerability patch delay', 'findingsRequired'], false]]);
  });
});
