/** ISSUE 6 B7: a decision comment's excerpt is bounded, cut on a word, and a short one is kept as it is. */
import { commentExcerpt, EXCERPT_MAX_CHARS } from '../../../src/application/transitions/comment-excerpt';

describe('commentExcerpt', () => {
  it('keeps a comment that fits as it is (trimmed)', () => {
    expect(commentExcerpt('  Re-enable the rule set;\nuse the HTTPS API.  ')).toBe(
      'Re-enable the rule set;\nuse the HTTPS API.',
    );
  });

  it('cuts a long comment on a word boundary, with an ellipsis, within 500 characters', () => {
    const reason = `Rejected: ${'the vendor has not shown that the legacy VPN concentrator can be isolated '.repeat(20)}`;
    const excerpt = commentExcerpt(reason);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(reason.replace(/\s+/g, ' ').startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(reason.replace(/\s+/g, ' ').charAt(excerpt.length - 1)).toBe(' ');
  });

  it('never splits a character made of several code units, and cuts inside one endless word', () => {
    expect(commentExcerpt('🔒'.repeat(600), 10)).toBe(`${'🔒'.repeat(9)}…`);
    // A family emoji is one character of five code points joined: kept whole.
    expect(commentExcerpt('👨‍👩‍👧'.repeat(20), 4)).toBe('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧…');
  });
});
