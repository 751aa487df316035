import { boundMessage, MESSAGE_CAP } from '../../src/domain/message-bounds';

describe('boundMessage', () => {
  it('leaves a message within the cap as it is', () => {
    expect(boundMessage('Justification is required.')).toBe('Justification is required.');
    const exactly = 'x'.repeat(MESSAGE_CAP);
    expect(boundMessage(exactly)).toBe(exactly);
  });

  it('cuts a longer message to the cap, ending with an ellipsis', () => {
    const bounded = boundMessage('y'.repeat(MESSAGE_CAP + 1));
    expect(bounded).toBe(`${'y'.repeat(MESSAGE_CAP - 1)}…`);
    expect(bounded).toHaveLength(MESSAGE_CAP);
  });

  it('never leaves half of a character that takes two code units', () => {
    const bounded = boundMessage(`${'a'.repeat(MESSAGE_CAP - 2)}😀😀😀`);
    expect(bounded).toBe(`${'a'.repeat(MESSAGE_CAP - 2)}…`);
    expect(bounded.length).toBeLessThanOrEqual(MESSAGE_CAP);
  });

  it('is 2,000 characters', () => {
    expect(MESSAGE_CAP).toBe(2_000);
  });
});
