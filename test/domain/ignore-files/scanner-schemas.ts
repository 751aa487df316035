/**
 * Each scanner's own reading of its ignore file, as far as the tests can have it without the scanner:
 * - Trivy: zod from `IgnoreConfig` / `IgnoreFinding` in
 *   https://github.com/aquasecurity/trivy/blob/dc3c56eed58ab21c7e08d26757c517bc946a86c5/pkg/result/ignore.go
 *   (`expired_at` is a time.Time: the YAML scalar must be a plain timestamp, checked on the YAML node).
 * - Grype: zod from `match.IgnoreRule` / `IgnoreRulePackage` in
 *   https://github.com/anchore/grype/blob/4562c55cebba5fe50a0c5afc7cec50a3b2392a87/grype/match/ignore.go
 * - Snyk: Snyk's own parser, `snyk-policy` (a devDependency); zod from `Rule` / `RuleSet` where it cannot load, in
 *   https://github.com/snyk/policy/blob/2362fdb5f6ebd5b13c1ef4187cfafe9e2b1dd0f3/lib/types.ts and the checks of
 *   lib/parser/v1.ts (each id maps to an array, each path to a rule).
 * - Dependency-Check: the project's published XSD (committed under test/fixtures/dependency-check/), validated by
 *   libxml2 itself (`xmllint --schema`, as the xmllint-wasm devDependency: xsdProblems); plus a reading of the
 *   `suppress` content model with saxes (dependencyCheckProblems) that names what is wrong in our own words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { validateXML } from 'xmllint-wasm';
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import { z } from 'zod';

const StringList = z.array(z.string().min(1)).min(1);
const YyyyMmDd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const TrivyIgnoreFindingSchema = z.strictObject({
  id: z.string().min(1),
  paths: StringList.optional(),
  purls: z
    .array(z.string().regex(/^pkg:[a-z][a-z0-9.+-]*\/\S+$/))
    .min(1)
    .optional(),
  expired_at: YyyyMmDd.optional(),
  statement: z.string().optional(),
});
export const TrivyIgnoreConfigSchema = z.strictObject({
  vulnerabilities: z.array(TrivyIgnoreFindingSchema),
  misconfigurations: z.array(TrivyIgnoreFindingSchema).optional(),
  secrets: z.array(TrivyIgnoreFindingSchema).optional(),
  licenses: z.array(TrivyIgnoreFindingSchema).optional(),
});

export const GrypeIgnoreRuleSchema = z.strictObject({
  vulnerability: z.string().min(1),
  'include-aliases': z.boolean().optional(),
  reason: z.string().optional(),
  namespace: z.string().optional(),
  'fix-state': z.string().optional(),
  package: z
    .strictObject({
      name: z.string().min(1).optional(),
      version: z.string().min(1).optional(),
      language: z.string().optional(),
      type: z.string().min(1).optional(),
      location: z.string().min(1).optional(),
      'upstream-name': z.string().optional(),
    })
    .optional(),
  'vex-status': z.string().optional(),
  'vex-justification': z.string().optional(),
  'match-type': z.string().optional(),
});
export const GrypeConfigSchema = z.strictObject({ ignore: z.array(GrypeIgnoreRuleSchema) });

const SnykRuleSchema = z.strictObject({
  reason: z.string().optional(),
  expires: z.union([z.date(), z.iso.datetime()]).optional(),
  created: z.union([z.date(), z.iso.datetime()]).optional(),
  disregardIfFixable: z.boolean().optional(),
});
export const SnykPolicySchema = z.strictObject({
  version: z.string().regex(/^v1\.\d+\.\d+$/),
  ignore: z.record(z.string().min(1), z.array(z.record(z.string().min(1), SnykRuleSchema)).min(1)),
  patch: z.record(z.string(), z.array(z.unknown())),
});

/** The YAML text as a plain object, refusing what Go's yaml.v3 would refuse for a time.Time: a quoted date. */
export const readYaml = (text: string, dateKeys: readonly string[] = []): unknown => {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new Error(document.errors.map((error) => error.message).join('; '));
  const visit = (node: unknown): void => {
    if (isMap(node))
      for (const pair of node.items) {
        if (isScalar(pair.key) && dateKeys.includes(String(pair.key.value)) && isScalar(pair.value))
          expect(pair.value.type).toBe(Scalar.PLAIN);
        visit(pair.value);
      }
    if (isSeq(node)) node.items.forEach(visit);
  };
  visit(document.contents);
  return document.toJS();
};

export interface SnykParser {
  readonly name: string;
  load(
    text: string,
  ): Promise<{ ignore: Record<string, Record<string, { expires?: unknown; reason?: unknown }>[]> }>;
}

/** Snyk's own parser, snyk-policy's `loadFromText` (a devDependency); zod from its types where it cannot load. */
export const snykParser = async (): Promise<SnykParser> => {
  try {
    const modulePath = require.resolve('snyk-policy');
    const policy = (await import(modulePath)) as {
      loadFromText(text: string): ReturnType<SnykParser['load']>;
    };
    return { name: 'snyk-policy', load: (text) => policy.loadFromText(text) };
  } catch {
    return {
      name: 'zod (snyk/policy lib/types.ts)',
      load: (text) => Promise.resolve(SnykPolicySchema.parse(readYaml(text))),
    };
  }
};

const XS = 'http://www.w3.org/2001/XMLSchema';
const XSD_PATH = join(__dirname, '../../fixtures/dependency-check/dependency-suppression.1.3.xsd');

interface XmlElement {
  readonly name: string;
  readonly uri: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

/** A namespace-aware tree of an XML document; throws on anything not well-formed. */
export const parseXml = (text: string): XmlElement => {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  const roots: XmlElement[] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local,
      uri: tag.uri,
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) =>
          typeof attribute === 'string' ? ['', attribute] : [attribute.local, attribute.value],
        ),
      ),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(element);
    if (stack.length === 0) roots.push(element);
    stack.push(element);
  });
  parser.on('text', (value) => {
    const current = stack.at(-1);
    if (current !== undefined) current.text += value;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(text).close();
  const [root] = roots;
  if (root === undefined) throw new Error('no root element');
  return root;
};

const xsdElementNames = (choice: XmlElement): string[] =>
  choice.children.filter((child) => child.name === 'element').map((child) => child.attributes['name'] ?? '');

const findAll = (element: XmlElement, predicate: (e: XmlElement) => boolean): XmlElement[] => [
  ...(predicate(element) ? [element] : []),
  ...element.children.flatMap((child) => findAll(child, predicate)),
];

/** What the XSD says of `suppress`, read from the committed file. */
const suppressModel = () => {
  const xsd = parseXml(readFileSync(XSD_PATH, 'utf8'));
  const targetNamespace = xsd.attributes['targetNamespace'] ?? '';
  const choices = findAll(xsd, (e) => e.uri === XS && e.name === 'choice');
  const [scopeChoice, vulnerabilityChoice] = choices;
  const cvePattern = findAll(xsd, (e) => e.name === 'simpleType' && e.attributes['name'] === 'cveType')[0]
    ?.children[0]?.children[0]?.attributes['value'];
  if (scopeChoice === undefined || vulnerabilityChoice === undefined || cvePattern === undefined)
    throw new Error('the XSD does not have the expected shape');
  return {
    targetNamespace,
    scope: xsdElementNames(scopeChoice),
    vulnerability: xsdElementNames(vulnerabilityChoice),
    cve: new RegExp(`^(?:${cvePattern})$`),
  };
};

/** xs:date with an optional time zone: 2026-12-02Z, 2026-12-02+01:00, 2026-12-02. */
const XS_DATE = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;

/** Problems with a Dependency-Check suppression file against the XSD; [] when it is valid. */
export const dependencyCheckProblems = (text: string): string[] => {
  const model = suppressModel();
  const root = parseXml(text);
  const problems: string[] = [];
  if (root.name !== 'suppressions' || root.uri !== model.targetNamespace)
    problems.push(`root is {${root.uri}}${root.name}`);
  root.children.forEach((suppress, index) => {
    const at = `suppress[${index}]`;
    if (suppress.name !== 'suppress' || suppress.uri !== model.targetNamespace)
      problems.push(`${at} is ${suppress.name}`);
    for (const [name, value] of Object.entries(suppress.attributes)) {
      if (name === 'until' && !XS_DATE.test(value)) problems.push(`${at}@until is not an xs:date`);
      if (name === 'base' && !['true', 'false'].includes(value)) problems.push(`${at}@base is not a boolean`);
      if (!['until', 'base', 'xmlns'].includes(name)) problems.push(`${at}@${name} is not allowed`);
    }
    let position = 0;
    const children = suppress.children;
    if (children[position]?.name === 'notes') position += 1;
    if (model.scope.includes(children[position]?.name ?? '')) position += 1;
    const vulnerabilities = children.slice(position);
    if (vulnerabilities.length === 0) problems.push(`${at} names no vulnerability`);
    for (const child of vulnerabilities) {
      if (!model.vulnerability.includes(child.name)) problems.push(`${at} has ${child.name} out of order`);
      if (child.name === 'cve' && !model.cve.test(child.text))
        problems.push(`${at} cve does not match cveType`);
    }
    for (const child of children) {
      if (child.uri !== model.targetNamespace) problems.push(`${at}/${child.name} is outside the namespace`);
      if (child.children.length > 0) problems.push(`${at}/${child.name} has element content`);
      for (const name of Object.keys(child.attributes))
        if (!['regex', 'caseSensitive'].includes(name))
          problems.push(`${at}/${child.name}@${name} is not allowed`);
    }
  });
  return problems;
};

/** libxml2's own XSD validation of a suppression file against the published schema: its errors, [] when valid. */
export const xsdProblems = async (text: string): Promise<string[]> => {
  const result = await validateXML({
    xml: [{ fileName: 'suppressions.xml', contents: text }],
    schema: [{ fileName: 'dependency-suppression.1.3.xsd', contents: readFileSync(XSD_PATH, 'utf8') }],
  });
  return result.errors.map((error) => error.message);
};
