/**
 * What counts as content in a required text field (ISSUE6 B5). A person can make a field look filled without
 * writing anything: spaces, zero-width characters (U+200B–U+200D, U+2060, U+FEFF), soft hyphens (U+00AD), bidi
 * controls, Hangul fillers (U+3164, letters by category but invisible), or punctuation padding ("........",
 * "- - -"). The rule, one for every rule and KPI that checks text:
 *
 * - Only letters and digits count (Unicode categories L and N), and of those not the default-ignorable ones
 *   (the Hangul fillers). Everything else (spaces, punctuation, symbols, emoji, format and control characters)
 *   counts for nothing towards a minimum length.
 * - A text with no letter or digit is empty. So is a text whose letters and digits spell only a placeholder
 *   ("n/a", "N.A.", "none", "TBD", "-"…): a field that says there is nothing is not filled.
 * - Two texts with the same words (letters and digits, case ignored) say the same thing, whatever lies between.
 */

/** A letter or digit that is not default-ignorable (the Hangul fillers are letters that show nothing). */
const COUNTED = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}]/gu;
const WORD = /(?:(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}]|\p{M}|\p{Default_Ignorable_Code_Point})+/gu;

/**
 * Words that say "nothing here", compared on letters and digits only, lower case: "n/a" and "N. A." are "na".
 * Kept short on purpose: each is a word no real justification, control or plan consists of.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  'na',
  'nа', // Cyrillic а: looks the same, and is refused the same
  'none',
  'nil',
  'null',
  'nothing',
  'tbd',
  'tba',
  'todo',
  'xxx',
  'x',
]);

/** How many letters and digits the text holds: the length a minimum-length rule compares. */
export const contentLength = (text: string): number => text.match(COUNTED)?.length ?? 0;

/**
 * The text's words, lower case, one space between them, with everything that does not count removed: two texts
 * with the same key say the same thing. Invisible characters inside a word do not split it ("ad\u200Bmin" is
 * "admin").
 */
export const contentKey = (text: string): string =>
  (text.normalize('NFKC').match(WORD) ?? [])
    .map((word) => Array.from(word.matchAll(COUNTED), (match) => match[0]).join(''))
    .filter((word) => word !== '')
    .join(' ')
    .toLowerCase();

/** Whether the text says something: at least one letter or digit, and more than a placeholder. */
export const hasContent = (text: string): boolean => {
  const key = contentKey(text);
  return key !== '' && !PLACEHOLDERS.has(key.replaceAll(' ', ''));
};

/** Typed but not content: something other than whitespace was entered, and none of it counts. */
export const isPaddingOnly = (text: string): boolean => text.trim() !== '' && !hasContent(text);

/** The plain words the rules append when a field was filled with what does not count. */
export const PADDING_DOES_NOT_COUNT =
  'Spaces, punctuation, invisible characters and placeholders such as "n/a" do not count.';
