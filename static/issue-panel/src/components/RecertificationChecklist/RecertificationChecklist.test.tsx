import { render, screen } from '@testing-library/react';
import { RecertificationChecklist } from './RecertificationChecklist';

describe('RecertificationChecklist', () => {
  it('shows each check as a read-only box, checked when done, and how many are done', () => {
    render(
      <RecertificationChecklist
        checklist={[
          { check: 'Controls still effective', done: true },
          { check: 'Justification still valid', done: false },
          { check: 'No better option available', done: true },
        ]}
      />,
    );
    const box = (name: string) => screen.getByRole<HTMLInputElement>('checkbox', { name });
    expect(box('Controls still effective').checked).toBe(true);
    expect(box('Justification still valid').checked).toBe(false);
    expect(box('No better option available').checked).toBe(true);
    expect(screen.getAllByRole<HTMLInputElement>('checkbox').every((input) => input.disabled)).toBe(true);
    expect(
      screen.getByText(
        "2 of 3 checks done. All are needed to recertify; answer them in the issue's Recertification Checklist field.",
      ),
    ).toBeTruthy();
  });
});
