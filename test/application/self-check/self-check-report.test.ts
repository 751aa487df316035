import { observe } from '../../../src/application/self-check/record-payload-shape';
import { sourceReport, UNREADABLE_LOG_WARNING } from '../../../src/application/self-check/self-check-report';
import { EXPECTED_SHAPES } from '../../../src/application/self-check/expected-shapes';
import type { ObservedShape, SelfCheckSource, ShapeSighting } from '../../../src/contracts/admin-self-check';
import { MESSAGE_CAP } from '../../../src/domain/message-bounds';

const SEEN = '2026-11-21T09:00:00.000Z';
const sighting = (shape: ObservedShape, count = 1): ShapeSighting => ({
  shape,
  firstSeenAt: SEEN,
  lastSeenAt: SEEN,
  count,
});

/** Payloads as the documents describe them (FORGE_NOTES §1, §2): what the code expects. */
const DOCUMENTED = {
  validator: {
    payload: {
      issue: { key: 'SEC-1' },
      configuration: { transition: 'approve' },
      transition: { from: { id: '1' }, to: { id: '2' }, modifiedFields: { labels: null } },
    },
    context: { principal: { accountId: 'ana' }, installContext: 'ari:…' },
  },
  postFunction: {
    issue: { id: '100', key: 'SEC-1', fields: {} },
    transition: { id: '31', name: 'Approve', from: { id: '1' }, to: { id: '2' }, executionId: 'e-1' },
    atlassianId: 'ana',
    changelog: { id: '5000', items: [] },
    configuration: { transition: 'approve' },
  },
  created: { issue: { key: 'SEC-1', fields: { issuetype: { id: '10050' }, project: { id: 10000 } } } },
};

const statuses = (source: SelfCheckSource, ...shapes: ObservedShape[]) =>
  Object.fromEntries(
    sourceReport(
      source,
      shapes.map((shape) => sighting(shape)),
    ).assumptions.map(({ id, status }) => [id, status]),
  );

describe('sourceReport', () => {
  it('confirms every assumption of the documented payloads, with no warning', () => {
    const reports = [
      sourceReport('validate-transition', [
        sighting(observe(DOCUMENTED.validator.payload, DOCUMENTED.validator.context)),
      ]),
      sourceReport('record-transition', [sighting(observe(DOCUMENTED.postFunction))]),
      sourceReport('triage-on-create', [sighting(observe(DOCUMENTED.created))]),
    ];
    for (const report of reports) {
      expect(report.warnings).toEqual([]);
      expect(report.assumptions.map(({ status }) => status)).toEqual(
        EXPECTED_SHAPES[report.source].assumptions.map(() => 'confirmed'),
      );
    }
  });

  it('reports nothing seen before the first call', () => {
    const report = sourceReport('validate-transition', []);
    expect(report.sightings).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(new Set(report.assumptions.map(({ status, message }) => `${status}: ${message}`))).toEqual(
      new Set(['not-seen: Nothing recorded yet: it is checked on the first call this site makes.']),
    );
  });

  it('has no assumptions about the install event, and records it for reference', () => {
    const report = sourceReport('store-default-policy', [sighting(observe({ id: 'x', context: {} }))]);
    expect(report).toMatchObject({ assumptions: [], warnings: [] });
    expect(report.sightings).toHaveLength(1);
  });

  it.each<[string, unknown, unknown, Record<string, string>]>([
    [
      'modifiedFields at the top level',
      { issue: { key: 'K' }, configuration: {}, transition: { to: { id: '2' } }, modifiedFields: {} },
      { principal: { accountId: 'a' } },
      { 'modified-fields-nested': 'refuted' },
    ],
    [
      'no modifiedFields at all',
      { issue: { key: 'K' }, configuration: {}, transition: { to: { id: '2' } } },
      { principal: { accountId: 'a' } },
      { 'modified-fields-nested': 'not-seen' },
    ],
    [
      'no principal',
      DOCUMENTED.validator.payload,
      { installContext: 'ari' },
      { 'principal-present': 'refuted' },
    ],
    ['no context at all', DOCUMENTED.validator.payload, undefined, { 'principal-present': 'not-seen' }],
    [
      'configuration as JSON text',
      { ...DOCUMENTED.validator.payload, configuration: '{"transition":"approve"}' },
      DOCUMENTED.validator.context,
      { 'configuration-object': 'refuted' },
    ],
    [
      'no configuration',
      { issue: { key: 'K' }, transition: { to: { id: '2' }, modifiedFields: {} } },
      DOCUMENTED.validator.context,
      { 'configuration-object': 'refuted' },
    ],
    [
      'no issue key (the create transition)',
      { ...DOCUMENTED.validator.payload, issue: {} },
      DOCUMENTED.validator.context,
      { 'issue-key': 'refuted' },
    ],
    [
      'no target status',
      { ...DOCUMENTED.validator.payload, transition: { modifiedFields: {} } },
      DOCUMENTED.validator.context,
      { 'transition-target': 'refuted' },
    ],
  ])('validator: %s', (_name, payload, context, expected) => {
    expect(statuses('validate-transition', observe(payload, context))).toMatchObject(expected);
  });

  const { transition } = DOCUMENTED.postFunction;
  it.each<[string, unknown, Record<string, string>]>([
    [
      'from_status / to_status',
      {
        ...DOCUMENTED.postFunction,
        transition: {
          from_status: 'Risk Review',
          to_status: 'Approved',
          transitionName: 'Approve',
          executionId: 'e',
        },
      },
      { 'transition-from-to-objects': 'refuted', 'execution-id': 'confirmed' },
    ],
    [
      'both shapes at once',
      { ...DOCUMENTED.postFunction, transition: { ...transition, to_status: 'Approved' } },
      { 'transition-from-to-objects': 'refuted' },
    ],
    [
      'no executionId',
      { ...DOCUMENTED.postFunction, transition: { ...transition, executionId: undefined } },
      { 'execution-id': 'refuted' },
    ],
    ['no changelog', { ...DOCUMENTED.postFunction, changelog: undefined }, { 'changelog-id': 'refuted' }],
    [
      'a numeric changelog id',
      { ...DOCUMENTED.postFunction, changelog: { id: 5000 } },
      { 'changelog-id': 'confirmed' },
    ],
    [
      'no atlassianId',
      { ...DOCUMENTED.postFunction, atlassianId: undefined },
      { 'actor-present': 'refuted' },
    ],
    [
      'configuration as JSON text',
      { ...DOCUMENTED.postFunction, configuration: '{}' },
      { 'configuration-object': 'refuted' },
    ],
  ])('post function: %s', (_name, payload, expected) => {
    expect(statuses('record-transition', observe(payload))).toMatchObject(expected);
  });

  it.each<[string, unknown, Record<string, string>]>([
    [
      'no project',
      { issue: { key: 'K', fields: { issuetype: { id: '1' } } } },
      { 'issue-type-and-project': 'refuted' },
    ],
    ['no fields', { issue: { key: 'K' } }, { 'issue-type-and-project': 'refuted' }],
    [
      'no key',
      { issue: { fields: { issuetype: { id: 1 }, project: { id: 2 } } } },
      { 'issue-key': 'refuted', 'issue-type-and-project': 'confirmed' },
    ],
  ])('issue created: %s', (_name, payload, expected) => {
    expect(statuses('triage-on-create', observe(payload))).toMatchObject(expected);
  });

  it('refutes an assumption when any recorded shape refutes it, and says so in plain words', () => {
    const report = sourceReport('record-transition', [
      sighting(observe(DOCUMENTED.postFunction), 12),
      sighting(
        observe({ ...DOCUMENTED.postFunction, transition: { ...transition, executionId: undefined } }),
        3,
      ),
    ]);
    expect(report.warnings).toEqual([
      'WARNING: An event arrived without transition.executionId (reported for transitions made through REST). Repeated deliveries are then recognised by the changelog id, or by the issue, actor and transition together. (one recorded shape, seen 3 times, last on 2026-11-21.)',
    ]);
    expect(report.assumptions.find(({ id }) => id === 'changelog-id')).toEqual({
      id: 'changelog-id',
      assumption: 'The event carries the transition’s changelog with its id (changelog.id).',
      status: 'confirmed',
      message:
        "Confirmed by this site's traffic: The event carries the transition’s changelog with its id (changelog.id).",
    });
  });

  it('warns when the stored record could not be read', () => {
    expect(sourceReport('triage-on-create', [], true).warnings).toEqual([UNREADABLE_LOG_WARNING]);
  });

  it('keeps every message under the cap', () => {
    const report = sourceReport('validate-transition', [sighting(observe('x', 'y'), 1e9)]);
    for (const { message, assumption } of report.assumptions) {
      expect(message.length).toBeLessThanOrEqual(MESSAGE_CAP);
      expect(assumption.length).toBeLessThanOrEqual(MESSAGE_CAP);
    }
  });
});
