import { adfToText } from '../../../src/application/issue-mapping/adf-text';

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string) => ({ type: 'text', text });

describe('adfToText', () => {
  it.each<[string, unknown, string]>([
    ['a plain string as is', 'Legacy CRM blocks logins', 'Legacy CRM blocks logins'],
    ['null as empty', null, ''],
    ['a number as empty', 42, ''],
    ['an empty document', doc(), ''],
    ['one paragraph', doc(p(t('Port 22 '), t('stays open'))), 'Port 22 stays open'],
    ['paragraphs as lines', doc(p(t('First.')), p(t('Second.'))), 'First.\nSecond.'],
    ['a hard break as a new line', doc(p(t('a'), { type: 'hardBreak' }, t('b'))), 'a\nb'],
    ['empty paragraphs leave no blank line', doc(p(t('a')), p(), p(t('b'))), 'a\nb'],
    [
      'list items as lines',
      doc({
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('IP allow-listing'))] },
          { type: 'listItem', content: [p(t('daily log review'))] },
        ],
      }),
      'IP allow-listing\ndaily log review',
    ],
    [
      'a mention by its text, an emoji by its text, a card by its url',
      doc(
        p(
          { type: 'mention', attrs: { id: 'a1', text: '@Ana' } },
          t(' see '),
          { type: 'inlineCard', attrs: { url: 'https://x.test/1' } },
          t(' '),
          { type: 'emoji', attrs: { shortName: ':ok:', text: '👌' } },
        ),
      ),
      '@Ana see https://x.test/1 👌',
    ],
    [
      'a heading and a code block',
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [t('Why')] },
        { type: 'codeBlock', content: [t('iptables -A')] },
      ),
      'Why\niptables -A',
    ],
    ['surrounding whitespace trimmed', doc(p(t('  padded  '))), 'padded'],
    ['unknown nodes without content ignored', doc({ type: 'rule' }, p(t('kept'))), 'kept'],
  ])('reads %s', (_case, value, expected) => {
    expect(adfToText(value)).toBe(expected);
  });
});
