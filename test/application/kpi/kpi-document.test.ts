/**
 * The KPI document cut by structure (ISSUE 9): exact round trip, a compact stored form, and one change rewriting
 * only the one or two chunks of the sections it touches, copy on write.
 */
import {
  KPI_CHUNK_TARGET,
  documentOfSections,
  planChange,
  planFresh,
  sectionTexts,
  sectionsOfChunks,
  sectionsOfFacts,
  type ChunkLayout,
  type ProjectDocument,
} from '../../../src/application/kpi/kpi-document';
import { kpiFactsOf, summarizeFacts, type KpiFacts } from '../../../src/domain/kpi';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import { realisticRegister } from '../../../simulator/seed/realistic-register';

const NOW = '2026-11-29T09:00:00Z';
// One project of a 50,000-exception site (three projects).
const facts: KpiFacts[] = realisticRegister({
  count: 16_700,
  projects: ['SEC'],
  now: NOW,
  policy: defaultPolicy(),
}).exceptions.map(kpiFactsOf);
const documentOf = (all: readonly KpiFacts[]): ProjectDocument => ({
  summary: summarizeFacts(all),
  secured: {},
});

const read = (layout: readonly ChunkLayout[], chunks: ReadonlyMap<number, string>): ProjectDocument =>
  documentOfSections(sectionsOfChunks(layout, chunks));

describe('the KPI document in chunks', () => {
  const document = documentOf(facts);
  const fresh = planFresh(document);

  it('reads back the very summary written, every hour bit for bit', () => {
    expect(JSON.stringify(read(fresh.layout, fresh.writes))).toBe(JSON.stringify(document));
  });

  it('stores a 16,700-issue project in chunks of at most one KVS unit, a fifth of its JSON text', () => {
    const stored = [...fresh.writes.values()].reduce((sum, text) => sum + text.length, 0);
    expect(stored).toBeLessThan(JSON.stringify(document).length / 5);
    expect(stored).toBeLessThan(100_000);
    for (const text of fresh.writes.values()) expect(text.length).toBeLessThanOrEqual(KPI_CHUNK_TARGET);
  });

  it('rewrites only the chunks holding the months and state a change touches, under new ids', () => {
    const [first, ...rest] = facts;
    if (first === undefined) throw new Error('no facts');
    const changedFacts: KpiFacts = { ...first, assets: ['bench-asset'], state: 'closed' };
    const after = documentOf([changedFacts, ...rest]);
    const touched = new Set(['state', ...sectionsOfFacts(first), ...sectionsOfFacts(changedFacts)]);
    const before = sectionsOfChunks(fresh.layout, fresh.writes);
    const changed = new Map(
      [...sectionTexts(after, touched)].filter(([name, text]) => text !== (before.get(name) ?? null)),
    );
    const plan = planChange(fresh.layout, fresh.nextChunk, fresh.writes, changed);

    expect(plan.writes.size).toBeGreaterThan(0);
    expect(plan.writes.size).toBeLessThanOrEqual(3);
    expect(plan.deletes).toHaveLength(plan.writes.size);
    for (const id of plan.writes.keys()) expect(fresh.writes.has(id)).toBe(false);
    const stored = new Map(fresh.writes);
    for (const [id, text] of plan.writes) stored.set(id, text);
    for (const id of plan.deletes) stored.delete(id);
    expect(JSON.stringify(read(plan.layout, stored))).toBe(JSON.stringify(after));
  });

  it('adds a month no chunk holds yet to the last chunk, and drops a section that empties', () => {
    const small = documentOf(facts.slice(0, 50));
    const plan = planFresh(small);
    const newMonth: KpiFacts = { ...facts[0]!, created: '2027-01', approval: null, decision: null };
    const grown = documentOf([...facts.slice(0, 50), newMonth]);
    const added = planChange(
      plan.layout,
      plan.nextChunk,
      plan.writes,
      sectionTexts(grown, new Set(['state', 'm:2027-01'])),
    );
    const stored = new Map([...plan.writes, ...added.writes]);
    for (const id of added.deletes) stored.delete(id);
    expect(JSON.stringify(read(added.layout, stored))).toBe(JSON.stringify(grown));

    const removed = planChange(
      added.layout,
      added.nextChunk,
      stored,
      sectionTexts(small, new Set(['state', 'm:2027-01'])),
    );
    for (const [id, text] of removed.writes) stored.set(id, text);
    for (const id of removed.deletes) stored.delete(id);
    expect(removed.layout.flatMap((chunk) => chunk.units.map(([name]) => name))).not.toContain('m:2027-01');
    expect(JSON.stringify(read(removed.layout, stored))).toBe(JSON.stringify(small));
  });

  it('refuses a chunk that does not match its layout', () => {
    const [chunk] = fresh.layout;
    if (chunk === undefined) throw new Error('no chunk');
    const tampered = new Map(fresh.writes).set(chunk.id, `${fresh.writes.get(chunk.id) ?? ''} `);
    expect(() => sectionsOfChunks(fresh.layout, tampered)).toThrow('A KPI chunk does not match its layout.');
  });
});
