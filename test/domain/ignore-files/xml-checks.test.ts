import { xmlEscape } from '../../../src/domain/ignore-files/xml-text';
import { dependencyCheckProblems, xsdProblems } from './scanner-schemas';

const NS = 'https://jeremylong.github.io/DependencyCheck/dependency-suppression.1.3.xsd';
const file = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<suppressions xmlns="${NS}">${body}</suppressions>`;

describe('xmlEscape', () => {
  it('escapes the five markup characters and drops what XML 1.0 cannot carry', () => {
    expect(xmlEscape(`a<b>&"c"'d'\u0000\u0001\u001F\uFFFE\uD800 \t\n😀`)).toBe(
      'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos; \t\n😀',
    );
  });
});

describe('the Dependency-Check check against the XSD (proves it can fail)', () => {
  it.each([
    [
      'a valid file',
      file('<suppress until="2026-12-02Z"><notes>n</notes><cve>CVE-2024-1234</cve></suppress>'),
      [],
    ],
    ['an empty file', file(''), []],
    ['another namespace', '<suppressions xmlns="urn:x"/>', ['root is {urn:x}suppressions']],
    [
      'a bad until',
      file('<suppress until="2026-12-2"><cve>CVE-2024-1234</cve></suppress>'),
      ['suppress[0]@until is not an xs:date'],
    ],
    [
      'a GHSA as cve',
      file('<suppress><cve>GHSA-jfh8-c2jp-5v3q</cve></suppress>'),
      ['suppress[0] cve does not match cveType'],
    ],
    [
      'no vulnerability',
      file('<suppress><notes>n</notes><packageUrl>p</packageUrl></suppress>'),
      ['suppress[0] names no vulnerability'],
    ],
    [
      'notes after the id',
      file('<suppress><cve>CVE-2024-1234</cve><notes>n</notes></suppress>'),
      ['suppress[0] has notes out of order'],
    ],
    [
      'two scopes',
      file('<suppress><packageUrl>p</packageUrl><filePath>f</filePath><cve>CVE-2024-1234</cve></suppress>'),
      ['suppress[0] has filePath out of order'],
    ],
  ])('%s', async (_case, text, problems) => {
    expect(dependencyCheckProblems(text)).toEqual(problems);
    // libxml2 validating against the published XSD agrees on every case.
    expect((await xsdProblems(text)).length === 0).toBe(problems.length === 0);
  });

  it('refuses XML that is not well-formed', () => {
    expect(() => dependencyCheckProblems(file('<suppress><notes>a & b</notes></suppress>'))).toThrow();
  });
});
