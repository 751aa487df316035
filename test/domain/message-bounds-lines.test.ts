import {
  boundLines as boundedMessage,
  MESSAGE_CAP as ERROR_MESSAGE_CAP,
} from '../../src/domain/message-bounds';

describe('boundLines', () => {
  it('keeps every line when they fit, one a line', () => {
    expect(boundedMessage(['First.', 'Second.'])).toBe('First.\nSecond.');
    expect(boundedMessage([])).toBe('');
  });

  it('keeps whole lines while they fit and counts the rest', () => {
    const lines = ['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10), 'd'.repeat(10)];
    // 10 + 1 + 10 + "\nand 2 more" (11) = 32: two lines fit a cap of 32, not three.
    expect(boundedMessage(lines, 32)).toBe(`${'a'.repeat(10)}\n${'b'.repeat(10)}\nand 2 more`);
    expect(boundedMessage(lines, 43)).toBe(lines.join('\n'));
  });

  it('cuts a first line longer than the cap, still counting the rest', () => {
    expect(boundedMessage(['x'.repeat(50), 'y'], 20)).toBe(`${'x'.repeat(8)}…\nand 1 more`);
    expect(boundedMessage(['x'.repeat(50)], 20)).toBe(`${'x'.repeat(19)}…`);
  });

  it.each([1, 2, 10, 100, 1000])('never exceeds the cap with %i long lines', (count) => {
    const lines = Array.from({ length: count }, (_, index) => `${index}: ${'z'.repeat(index * 37)}`);
    expect(boundedMessage(lines).length).toBeLessThanOrEqual(ERROR_MESSAGE_CAP);
  });
});
