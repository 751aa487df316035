/**
 * The Findings field (DESIGN.md §2) as typed: one entry a line, `<id>` or `<id> <purl or path>`. Each bad line gets
 * its own message naming the line and showing at most a short excerpt (the field is free text: a pasted secret or a
 * page of log must not come back whole in a validator's message). Blank lines are skipped.
 */
import { canonicalText } from '../decision-fields';
import { CVE_ID, FINDING_BOUNDS, FINDING_PATH, GHSA_ID, PURL, SCANNER_ID, type Finding } from './finding';

/** Characters of a bad entry quoted back in its message. */
export const FINDING_EXCERPT_LENGTH = 24;

export interface ParsedFindings {
  readonly findings: Finding[];
  /** One message per bad line, in line order; at most MAX_PROBLEMS, then one that says how many more. */
  readonly problems: string[];
}

const MAX_PROBLEMS = 10;

const excerpt = (value: string): string => {
  const characters = Array.from(value.replace(/[\p{Cc}\p{Cf}"]/gu, ''));
  return characters.length > FINDING_EXCERPT_LENGTH
    ? `"${characters.slice(0, FINDING_EXCERPT_LENGTH).join('')}…"`
    : `"${characters.join('')}"`;
};

/** Ids as their databases write them: CVE upper case, GHSA's groups lower case. */
const normalisedId = (value: string): string | null => {
  const upper = value.toUpperCase();
  if (CVE_ID.test(upper)) return upper;
  const ghsa = `GHSA${value.slice(4).toLowerCase()}`;
  if (upper.startsWith('GHSA-') && GHSA_ID.test(ghsa)) return ghsa;
  if (upper.startsWith('CVE-') || upper.startsWith('GHSA-')) return null;
  return SCANNER_ID.test(value) && value.length <= FINDING_BOUNDS.id ? value : null;
};

const ID_HINT = 'a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746';

const parseLine = (line: string, number: number): Finding | string => {
  const [rawId = '', scope, ...rest] = line.split(' ');
  const id = rawId.length <= FINDING_BOUNDS.id ? normalisedId(rawId) : null;
  if (id === null) return `Findings line ${number}: ${excerpt(rawId)} is not ${ID_HINT}.`;
  if (rest.length > 0)
    return `Findings line ${number}: write one finding a line, its id and at most one purl or path.`;
  if (scope === undefined) return { id };
  if (scope.startsWith('pkg:'))
    return PURL.test(scope) && scope.length <= FINDING_BOUNDS.purl
      ? { id, purl: scope }
      : `Findings line ${number}: ${excerpt(scope)} is not a package URL such as pkg:npm/lodash@4.17.20.`;
  return FINDING_PATH.test(scope) && scope.length <= FINDING_BOUNDS.path
    ? { id, path: scope }
    : `Findings line ${number}: ${excerpt(scope)} is not a purl (pkg:…) or a path without spaces or quotes.`;
};

/** The entries of a Findings text, each once, in the order typed, and what is wrong with the others. */
export const parseFindings = (text: string): ParsedFindings => {
  const findings: Finding[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let badLines = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = canonicalText(raw);
    if (line === '') return;
    const parsed = parseLine(line, index + 1);
    if (typeof parsed === 'string') {
      badLines += 1;
      if (problems.length < MAX_PROBLEMS) problems.push(parsed);
      return;
    }
    const identity = JSON.stringify([parsed.id, parsed.purl ?? '', parsed.path ?? '']);
    if (seen.has(identity)) return;
    seen.add(identity);
    findings.push(parsed);
  });
  if (badLines > MAX_PROBLEMS)
    problems.push(`Findings: ${badLines - MAX_PROBLEMS} more lines are not findings either.`);
  if (findings.length > FINDING_BOUNDS.entries)
    problems.push(
      `Findings lists ${findings.length} entries: at most ${FINDING_BOUNDS.entries} are allowed.`,
    );
  return { findings: findings.slice(0, FINDING_BOUNDS.entries), problems };
};
