/**
 * The parts of a package URL the scanners' own scopes need (github.com/package-url/purl-spec:
 * `pkg:type/namespace/name@version?qualifiers#subpath`, each part percent-encoded).
 */
export interface PurlParts {
  readonly type: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly version: string | null;
}

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** The parts of a purl the Findings schema accepted (`pkg:` type `/` …); null when it has no name. */
export const purlParts = (purl: string): PurlParts | null => {
  const withoutScheme = purl.slice('pkg:'.length).split('#')[0]?.split('?')[0] ?? '';
  const slash = withoutScheme.indexOf('/');
  const type = withoutScheme.slice(0, slash).toLowerCase();
  const rest = withoutScheme.slice(slash + 1);
  const at = rest.lastIndexOf('@');
  const path = at === -1 ? rest : rest.slice(0, at);
  const version = at === -1 ? null : decode(rest.slice(at + 1));
  const segments = path.split('/').filter((segment) => segment !== '');
  const name = segments.pop();
  if (name === undefined) return null;
  return {
    type,
    namespace: segments.length === 0 ? null : segments.map(decode).join('/'),
    name: decode(name),
    version: version === '' ? null : version,
  };
};
