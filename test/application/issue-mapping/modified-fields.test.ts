import {
  readModifiedFields,
  transitionComment,
} from '../../../src/application/issue-mapping/modified-fields';

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('readModifiedFields', () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    [
      'inside transition (the documented payload)',
      { transition: { modifiedFields: { labels: null } } },
      { labels: null },
    ],
    [
      'at the top level (the user-field snippet)',
      { modifiedFields: { customfield_1: { accountId: 'a' } } },
      { customfield_1: { accountId: 'a' } },
    ],
    [
      'the nested one when both are present',
      { modifiedFields: { top: 1 }, transition: { modifiedFields: { nested: 2 } } },
      { nested: 2 },
    ],
    ['nothing when absent', { transition: { from: { id: '1' } } }, {}],
    ['nothing when not an object', { transition: { modifiedFields: ['x'] } }, {}],
    ['nothing from a non-object payload', 'oops', {}],
  ])('reads modifiedFields %s', (_case, payload, expected) => {
    expect(readModifiedFields(payload)).toEqual(expected);
  });
});

describe('transitionComment', () => {
  it.each<[string, unknown, string]>([
    ['none', undefined, ''],
    ['an ADF document', adf('Vendor has no SSO yet'), 'Vendor has no SSO yet'],
    ['a string', '  Not justified  ', 'Not justified'],
    ['{body}', { body: adf('Restore EDR') }, 'Restore EDR'],
    [
      'a Get-issue page of comments (what the simulator sends)',
      {
        comments: [{ author: { accountId: 'sam' }, body: adf('Vendor access is not justified') }],
        maxResults: 1,
        total: 1,
        startAt: 0,
      },
      'Vendor access is not justified',
    ],
    [
      'a page of two comments, a line each',
      { comments: [{ body: adf('Restore EDR') }, { body: adf('on cad-ws-07') }] },
      'Restore EDR\non cad-ws-07',
    ],
    ['an empty page', { comments: [], maxResults: 0, total: 0, startAt: 0 }, ''],
    [
      'a page that also holds an earlier comment (with an id): only the new one counts',
      { comments: [{ id: '10500', body: adf('Looks fine to me') }, { body: adf('Restore EDR') }] },
      'Restore EDR',
    ],
    [
      'a page holding only an earlier comment: no reason given now',
      { comments: [{ id: '10500', body: adf('Old') }] },
      '',
    ],
    ['a page whose comment is only spaces', { comments: [{ body: adf('   ') }] }, ''],
    [
      'an update list of {add: {body}}',
      [{ add: { body: adf('one') } }, { add: { body: 'two' } }],
      'one\ntwo',
    ],
  ])('reads %s', (_case, comment, expected) => {
    expect(transitionComment(comment === undefined ? {} : { comment })).toBe(expected);
  });
});
