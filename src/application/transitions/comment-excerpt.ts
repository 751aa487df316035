/**
 * The part of a decision comment a history entry keeps (ISSUE 6 B7): the comment stays in Jira, whole; the entry
 * keeps its opening words (enough to read the decision in the audit export) and the comment's id, so a long
 * reason never pushes the lifecycle property past Jira's 32 KB, and never loses the decision either.
 */

export const EXCERPT_MAX_CHARS = 500;
const ELLIPSIS = '…';

/**
 * `text` as it is when it fits in `max` characters; else with its whitespace runs collapsed and cut at a word
 * boundary to at most `max` characters, the ellipsis included.
 */
/** Characters as a reader sees them (grapheme clusters), so a cut never splits an emoji or an accented letter. */
const graphemes = (text: string): string[] =>
  Array.from(
    new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
    (part) => part.segment,
  );

export const commentExcerpt = (text: string, max: number = EXCERPT_MAX_CHARS): string => {
  const trimmed = text.trim();
  if (graphemes(trimmed).length <= max) return trimmed;
  const flat = trimmed.replace(/\s+/gu, ' ');
  const characters = graphemes(flat);
  if (characters.length <= max) return flat;
  const head = characters.slice(0, max - ELLIPSIS.length).join('');
  const boundary = head.lastIndexOf(' ');
  // A single word longer than half the excerpt is cut inside it rather than leaving almost nothing.
  const cut = boundary >= (max - ELLIPSIS.length) / 2 ? head.slice(0, boundary) : head;
  return `${cut.replace(/[\s.,;:!?-]+$/u, '')}${ELLIPSIS}`;
};
