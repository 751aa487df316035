import { SetupReportBuilder } from '../../../src/application/setup/setup-report';

test('objects are reported in the order first met, by what happened to them', () => {
  const report = new SetupReportBuilder();
  report.found('a', 'field "A" (1)', 'skipped');
  report.attempting('b');
  report.created('b', 'field "B" (2)');
  report.found('c', 'field "C" (3)', 'adopted');
  expect(report.build()).toEqual({
    created: ['field "B" (2)'],
    adopted: ['field "C" (3)'],
    skipped: ['field "A" (1)'],
  });
});

test('an object this run tried to create and later finds (its answer was lost) counts as created', () => {
  const report = new SetupReportBuilder();
  report.attempting('b');
  report.found('b', 'field "B" (2)', 'skipped');
  expect(report.build().created).toEqual(['field "B" (2)']);
});

test('an object created by an earlier attempt of the step stays created when the retry finds it', () => {
  const report = new SetupReportBuilder();
  report.created('b', 'screen "B" (2)');
  report.found('b', 'screen "B" (2)', 'skipped');
  expect(report.build()).toEqual({ created: ['screen "B" (2)'], adopted: [], skipped: [] });
});

test('items added across attempts are listed together; items found again count only if this run sent them', () => {
  const report = new SetupReportBuilder();
  const label = 'fields on screen "S"';
  report.itemPresent('s', label, 'Summary');
  report.attemptingItem('s', 'Urgency');
  report.itemAdded('s', label, 'Urgency');
  report.attemptingItem('s', 'Risk Owner');
  // The answer to Risk Owner was lost; the retry finds it on the screen and goes on.
  report.itemPresent('s', label, 'Risk Owner');
  report.attemptingItem('s', 'Attachment');
  report.itemAdded('s', label, 'Attachment');
  report.found('s', label, 'skipped');
  expect(report.build()).toEqual({
    created: ['fields on screen "S": Urgency, Risk Owner, Attachment'],
    adopted: [],
    skipped: [],
  });
});

test('nothing added: the items are reported as in place', () => {
  const report = new SetupReportBuilder();
  report.itemPresent('s', 'options of field "U"', 'Urgent');
  report.found('s', 'options of field "U"', 'skipped');
  expect(report.build().skipped).toEqual(['options of field "U"']);
});
