import { contentKey, contentLength, hasContent, isPaddingOnly } from '../../src/domain/visible-text';

/** Every invisible character the rules must not count, by name, so a failure says which one got through. */
const INVISIBLE: readonly [string, string][] = [
  ['zero width space U+200B', '\u200B'],
  ['zero width non-joiner U+200C', '\u200C'],
  ['zero width joiner U+200D', '\u200D'],
  ['word joiner U+2060', '\u2060'],
  ['byte order mark U+FEFF', '\uFEFF'],
  ['soft hyphen U+00AD', '\u00AD'],
  ['right-to-left override U+202E', '\u202E'],
  ['left-to-right isolate U+2066', '\u2066'],
  ['pop directional isolate U+2069', '\u2069'],
  ['left-to-right mark U+200E', '\u200E'],
  ['arabic letter mark U+061C', '\u061C'],
  ['mongolian vowel separator U+180E', '\u180E'],
  ['hangul filler U+3164 (a letter by category)', '\u3164'],
  ['halfwidth hangul filler U+FFA0', '\uFFA0'],
  ['hangul choseong filler U+115F', '\u115F'],
  ['no-break space U+00A0', '\u00A0'],
  ['ideographic space U+3000', '\u3000'],
  ['em space U+2003', '\u2003'],
  ['line separator U+2028', '\u2028'],
  ['null U+0000', '\u0000'],
  ['escape U+001B', '\u001B'],
  ['braille blank U+2800', '\u2800'],
  ['combining grapheme joiner U+034F', '\u034F'],
];

describe('visible text (ISSUE6 B5)', () => {
  it.each(INVISIBLE)('counts no %s, and a field of them is empty', (_name, character) => {
    const padded = character.repeat(50);
    expect(contentLength(padded)).toBe(0);
    expect(hasContent(padded)).toBe(false);
    expect(isPaddingOnly(padded)).toBe(character.trim() !== '');
    expect(contentLength(`ab${character}cd`)).toBe(4);
  });

  it.each<[string, string, number, boolean]>([
    ['letters', 'Legacy CRM', 9, true],
    ['digits', '2026', 4, true],
    ['dots', '........', 0, false],
    ['dashes and spaces', '- - -', 0, false],
    ['punctuation and symbols', '!?*#@$%^&()[]{}<>/\\|~`"\'', 0, false],
    ['emoji', '🔥🔥🔥', 0, false],
    ['n/a', 'n/a', 2, false],
    ['N. A.', ' N. A. ', 2, false],
    ['NONE', 'NONE', 4, false],
    ['TBD!', 'TBD!', 3, false],
    ['to-do', 'to-do', 4, false],
    ['a word after a placeholder', 'n/a yet, VPN only', 12, true],
    ['accented letters', 'Crème brûlée', 11, true],
    ['a letter and a combining accent', 'e\u0301', 1, true],
    ['other scripts', 'Ошибка 認証', 8, true],
    ['full-width letters', 'ＶＰＮ', 3, true],
    ['a letter hidden between fillers', '\u3164\u3164a\u3164', 1, true],
  ])('%s (%j): %i letters or digits, content %s', (_name, text, length, content) => {
    expect(contentLength(text)).toBe(length);
    expect(hasContent(text)).toBe(content);
  });

  it.each<[string, string, string]>([
    ['case and spacing', '  Legacy\n CRM  blocks ', 'legacy crm blocks'],
    ['punctuation between words', 'Legacy CRM; blocks... logins!', 'legacy crm blocks logins'],
    ['invisible characters inside a word', 'Leg\u200Bacy C\u00ADRM', 'legacy crm'],
    ['full-width forms', 'ＶＰＮ only', 'vpn only'],
    ['nothing that counts', ' - . \u200B ', ''],
  ])('keys %s as the same words', (_name, text, key) => {
    expect(contentKey(text)).toBe(key);
  });
});
