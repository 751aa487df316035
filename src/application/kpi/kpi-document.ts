/**
 * How a project document (its KpiSummary and its secured facts) is cut into store values (ISSUE 9: one change must
 * rewrite one or two small values, not every chunk after it). The document is split by structure into sections:
 * one per month (`m:YYYY-MM`: what the summary keeps per month), `state` (the register as it stands: open, overdue
 * dates, in force, assets) and `secured`. Hours lists are stored in their exact compact form (hours-codec.ts).
 * Sections are packed, in order, into chunks of about KPI_CHUNK_TARGET characters (one 10 KB KVS unit); the
 * manifest lists each chunk's id and the sections it holds with their lengths. A change re-packs only the chunks
 * holding the sections it touched: a chunk that outgrows the target is split in place, the others stay as stored.
 * A section larger than a chunk is cut into consecutive pieces; a reader joins a section's pieces in layout order.
 */
import { z } from 'zod';
import { KpiFactsSchema, KpiSummarySchema, type KpiFacts, type KpiSummary } from '../../domain/kpi';
import { decodeHours, encodeHours } from '../../domain/kpi/hours-codec';
import { NumericIdSchema } from './numeric-id';

/** Characters a chunk is packed up to: about one 10 KB KVS capacity unit of ASCII text. */
export const KPI_CHUNK_TARGET = 9_000;

export const SectionNameSchema = z
  .string()
  .regex(/^(m:\d{4}-(0[1-9]|1[0-2])|state|secured)$/, 'must name a section of the KPI document');

export const ChunkLayoutSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  units: z.array(z.tuple([SectionNameSchema, z.number().int().positive()])).min(1),
});
export type ChunkLayout = z.infer<typeof ChunkLayoutSchema>;

export interface ProjectDocument {
  readonly summary: KpiSummary;
  readonly secured: Readonly<Record<string, KpiFacts>>;
}

const STATE = 'state';
const SECURED = 'secured';
const monthSection = (month: string): string => `m:${month}`;

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const withoutUndefined = (value: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined));

const monthsOf = (summary: KpiSummary): string[] =>
  [
    ...new Set([
      ...Object.keys(summary.created),
      ...Object.keys(summary.createdByType),
      ...Object.keys(summary.createdByAsset),
      ...Object.keys(summary.approvalHours),
      ...Object.keys(summary.autoApproved),
      ...Object.keys(summary.decisionHours),
    ]),
  ].sort();

const monthText = (summary: KpiSummary, month: string): string | null => {
  const decision = own(summary.decisionHours, month);
  const approval = own(summary.approvalHours, month);
  const value = withoutUndefined({
    created: own(summary.created, month),
    createdByType: own(summary.createdByType, month),
    createdByAsset: own(summary.createdByAsset, month),
    approvalHours: approval === undefined ? undefined : encodeHours(approval),
    autoApproved: own(summary.autoApproved, month),
    decisionHours:
      decision === undefined
        ? undefined
        : Object.fromEntries(Object.entries(decision).map(([urgency, list]) => [urgency, encodeHours(list)])),
  });
  return Object.keys(value).length === 0 ? null : JSON.stringify(value);
};

const stateText = (summary: KpiSummary): string =>
  JSON.stringify({
    open: summary.open,
    openByExpiry: summary.openByExpiry,
    inForce: summary.inForce,
    inForceWithControls: summary.inForceWithControls,
    inForceOpenEnded: summary.inForceOpenEnded,
    inForceAssets: summary.inForceAssets,
  });

/**
 * The text of each section of the document, in order; with `only`, just those sections (null: the section is
 * empty now and goes). The summary may be partial (only some months loaded): only its loaded months are asked for.
 */
export const sectionTexts = (
  document: ProjectDocument,
  only?: ReadonlySet<string>,
): Map<string, string | null> => {
  const texts = new Map<string, string | null>();
  const months = only === undefined ? monthsOf(document.summary).map(monthSection) : [...only].sort();
  for (const name of months) {
    if (name.startsWith('m:')) texts.set(name, monthText(document.summary, name.slice(2)));
  }
  if (only === undefined || only.has(STATE)) texts.set(STATE, stateText(document.summary));
  if (only === undefined || only.has(SECURED)) {
    const secured = Object.keys(document.secured).length === 0 ? null : JSON.stringify(document.secured);
    if (only !== undefined || secured !== null) texts.set(SECURED, secured);
  }
  return texts;
};

/** The months a fact counts in, as section names: a change to the facts rewrites these and `state`. */
export const sectionsOfFacts = (facts: KpiFacts): string[] => [
  monthSection(facts.created),
  ...(facts.approval === null ? [] : [monthSection(facts.approval.month)]),
  ...(facts.decision === null ? [] : [monthSection(facts.decision.month)]),
];

const AnyJson = z.unknown();
const MonthSectionSchema = z.strictObject({
  created: AnyJson.optional(),
  createdByType: AnyJson.optional(),
  createdByAsset: AnyJson.optional(),
  approvalHours: z.union([z.string(), z.array(z.number())]).optional(),
  autoApproved: AnyJson.optional(),
  decisionHours: z.record(z.string(), z.union([z.string(), z.array(z.number())])).optional(),
});
const StateSectionSchema = z.strictObject({
  open: AnyJson,
  openByExpiry: AnyJson,
  inForce: AnyJson,
  inForceWithControls: AnyJson,
  inForceOpenEnded: AnyJson,
  inForceAssets: AnyJson,
});
const SecuredSectionSchema = z.record(NumericIdSchema, KpiFactsSchema);

/**
 * The document from section texts (all of them, or only some months plus `state`); throws when a section is not
 * what a writer writes (the store was tampered with), like any stored document parsed (DESIGN.md §10).
 */
export const documentOfSections = (texts: ReadonlyMap<string, string>): ProjectDocument => {
  const stateText = texts.get(STATE);
  if (stateText === undefined) throw new Error('The KPI document has no state section.');
  const state = StateSectionSchema.parse(JSON.parse(stateText));
  const byMonth: Record<string, Record<string, unknown>> = {
    created: {},
    createdByType: {},
    createdByAsset: {},
    approvalHours: {},
    autoApproved: {},
    decisionHours: {},
  };
  for (const name of [...texts.keys()].filter((key) => key.startsWith('m:')).sort()) {
    const month = name.slice(2);
    const section = MonthSectionSchema.parse(JSON.parse(texts.get(name) ?? ''));
    const decoded: Record<string, unknown> = {
      ...section,
      approvalHours: section.approvalHours === undefined ? undefined : decodeHours(section.approvalHours),
      decisionHours:
        section.decisionHours === undefined
          ? undefined
          : Object.fromEntries(
              Object.entries(section.decisionHours).map(([urgency, form]) => [urgency, decodeHours(form)]),
            ),
    };
    for (const [field, value] of Object.entries(decoded)) {
      const into = byMonth[field];
      if (value !== undefined && into !== undefined) into[month] = value;
    }
  }
  const summary = KpiSummarySchema.parse({ ...byMonth, ...state });
  const securedText = texts.get(SECURED);
  const secured = securedText === undefined ? {} : SecuredSectionSchema.parse(JSON.parse(securedText));
  return { summary, secured };
};

/** The section texts a layout's chunks hold (only the chunks given; a section missing a piece is left out). */
export const sectionsOfChunks = (
  layout: readonly ChunkLayout[],
  chunks: ReadonlyMap<number, string>,
): Map<string, string> => {
  const parts = new Map<string, string[]>();
  const incomplete = new Set<string>();
  for (const { id, units } of layout) {
    const text = chunks.get(id);
    let at = 0;
    for (const [name, length] of units) {
      if (text === undefined) incomplete.add(name);
      else parts.set(name, [...(parts.get(name) ?? []), text.slice(at, at + length)]);
      at += length;
    }
    if (text !== undefined && at !== text.length) throw new Error('A KPI chunk does not match its layout.');
  }
  return new Map(
    [...parts].filter(([name]) => !incomplete.has(name)).map(([name, pieces]) => [name, pieces.join('')]),
  );
};

/** Chunks holding any of the sections. */
export const chunksHolding = (layout: readonly ChunkLayout[], sections: ReadonlySet<string>): ChunkLayout[] =>
  layout.filter((chunk) => chunk.units.some(([name]) => sections.has(name)));

type Unit = readonly [string, string];

/** Units packed greedily into chunks of at most the target; a unit longer than that is cut into pieces. */
const pack = (units: readonly Unit[]): Unit[][] => {
  const chunks: Unit[][] = [];
  let current: Unit[] = [];
  let size = 0;
  for (const [name, whole] of units) {
    let text = whole;
    while (text.length > 0) {
      const room = KPI_CHUNK_TARGET - size;
      if (text.length <= room) {
        current.push([name, text]);
        size += text.length;
        text = '';
      } else if (size > 0) {
        chunks.push(current);
        current = [];
        size = 0;
      } else {
        current.push([name, text.slice(0, KPI_CHUNK_TARGET)]);
        text = text.slice(KPI_CHUNK_TARGET);
        chunks.push(current);
        current = [];
      }
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};

export interface LayoutPlan {
  readonly layout: ChunkLayout[];
  readonly nextChunk: number;
  /** Chunk id → text to write. */
  readonly writes: Map<number, string>;
  /** Chunk ids to delete. */
  readonly deletes: number[];
}

const layoutOf = (id: number, units: readonly Unit[]): ChunkLayout => ({
  id,
  units: units.map(([name, text]) => [name, text.length] as [string, number]),
});

/** The whole document laid out afresh (a rebuild): chunk ids from `firstId`. */
export const planFresh = (document: ProjectDocument, firstId = 0): LayoutPlan => {
  const units = [...sectionTexts(document)].flatMap(([name, text]) =>
    text === null ? [] : [[name, text] as const],
  );
  const packed = pack(units);
  const layout = packed.map((chunk, index) => layoutOf(firstId + index, chunk));
  const writes = new Map(
    packed.map((chunk, index) => [firstId + index, chunk.map(([, text]) => text).join('')]),
  );
  return { layout, nextChunk: firstId + packed.length, writes, deletes: [] };
};

/**
 * The layout after some sections changed (text) or went (null). `stored` holds the text of every chunk that holds
 * a changed section (and of the last chunk when a section is new). Chunks without a changed section are neither
 * read nor written. Write `writes`, then the manifest, then delete `deletes`.
 */
export const planChange = (
  layout: readonly ChunkLayout[],
  nextChunk: number,
  stored: ReadonlyMap<number, string>,
  changed: ReadonlyMap<string, string | null>,
): LayoutPlan => {
  const placed = new Set<string>();
  const fresh = [...changed].filter(
    ([name, text]) => text !== null && !layout.some((chunk) => chunk.units.some(([held]) => held === name)),
  );
  const touched = new Set(chunksHolding(layout, new Set(changed.keys())).map((chunk) => chunk.id));
  const last = layout.at(-1);
  if (fresh.length > 0 && last !== undefined) touched.add(last.id);
  const result: ChunkLayout[] = [];
  const writes = new Map<number, string>();
  const deletes: number[] = [];
  let next = nextChunk;
  for (const chunk of layout) {
    if (!touched.has(chunk.id)) {
      result.push(chunk);
      continue;
    }
    const text = stored.get(chunk.id);
    if (text === undefined) throw new Error('A KPI chunk to rewrite was not read.');
    const units: Unit[] = [];
    let at = 0;
    for (const [name, length] of chunk.units) {
      const piece = text.slice(at, at + length);
      at += length;
      if (!changed.has(name)) units.push([name, piece]);
      else if (!placed.has(name)) {
        placed.add(name);
        const now = changed.get(name);
        if (now != null) units.push([name, now]);
      }
    }
    if (chunk === last) for (const [name, now] of fresh) if (now !== null) units.push([name, now]);
    // Copy on write: the rewritten chunk gets a new id and the old one is deleted after the manifest names the new
    // one, so a reader holding the previous manifest still finds the chunks it names.
    deletes.push(chunk.id);
    for (const part of pack(units)) {
      const id = next++;
      writes.set(id, part.map(([, piece]) => piece).join(''));
      result.push(layoutOf(id, part));
    }
  }
  if (last === undefined && fresh.length > 0) {
    const packed = pack(fresh.map(([name, text]) => [name, text ?? ''] as const));
    for (const part of packed) {
      const id = next++;
      writes.set(id, part.map(([, piece]) => piece).join(''));
      result.push(layoutOf(id, part));
    }
  }
  return { layout: result, nextChunk: next, writes, deletes };
};
