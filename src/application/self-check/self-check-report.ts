/**
 * The self-check of one source (pure): its recorded sightings against what the code expects. An assumption is
 * refuted when any recorded shape refutes it (one real payload of another shape is enough to break a handler),
 * confirmed when every shape that speaks to it confirms it, and not seen while nothing was recorded that says.
 */
import { boundMessage } from '../../domain/message-bounds';
import type {
  AssumptionCheck,
  SelfCheckSource,
  ShapeSighting,
  SourceReport,
} from '../../contracts/admin-self-check';
import { EXPECTED_SHAPES, type Assumption } from './expected-shapes';

const day = (instant: string): string => instant.slice(0, 10);

const checkAssumption = (assumption: Assumption, sightings: readonly ShapeSighting[]): AssumptionCheck => {
  const verdicts = sightings.map((sighting) => ({ sighting, verdict: assumption.check(sighting.shape) }));
  const failing = verdicts.filter(({ verdict }) => verdict === 'fails').map(({ sighting }) => sighting);
  const base = { id: assumption.id, assumption: assumption.assumption };
  if (failing.length > 0) {
    const last =
      failing
        .map((sighting) => sighting.lastSeenAt)
        .sort()
        .at(-1) ?? '';
    const times = failing.reduce((sum, sighting) => sum + sighting.count, 0);
    return {
      ...base,
      status: 'refuted',
      message: boundMessage(
        `WARNING: ${assumption.refuted} (${failing.length === 1 ? 'one recorded shape' : `${failing.length} recorded shapes`}, seen ${times} time${times === 1 ? '' : 's'}, last on ${day(last)}.)`,
      ),
    };
  }
  if (verdicts.some(({ verdict }) => verdict === 'holds'))
    return {
      ...base,
      status: 'confirmed',
      message: `Confirmed by this site's traffic: ${assumption.assumption}`,
    };
  return {
    ...base,
    status: 'not-seen',
    message:
      sightings.length === 0
        ? 'Nothing recorded yet: it is checked on the first call this site makes.'
        : 'The calls recorded so far do not say either way.',
  };
};

export const UNREADABLE_LOG_WARNING =
  'WARNING: The shapes recorded for this handler could not be read, so they are recorded afresh from its next call.';

/** The report of `source` from its sightings (first, then latest); `unreadable` when its stored log was damaged. */
export const sourceReport = (
  source: SelfCheckSource,
  sightings: readonly ShapeSighting[],
  unreadable = false,
): SourceReport => {
  const expected = EXPECTED_SHAPES[source];
  const assumptions = expected.assumptions.map((assumption) => checkAssumption(assumption, sightings));
  return {
    source,
    description: expected.description,
    sightings: [...sightings],
    assumptions,
    warnings: [
      ...(unreadable ? [UNREADABLE_LOG_WARNING] : []),
      ...assumptions.filter(({ status }) => status === 'refuted').map(({ message }) => message),
    ],
  };
};
