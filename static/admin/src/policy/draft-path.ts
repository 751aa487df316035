/**
 * The policy being edited is a JSON document that may hold what the person typed even when it is not valid yet
 * (text in a number field), so the schema, not the editor, says what is wrong and where. These read and write one
 * member by its path, immutably.
 */
export type PolicyPath = readonly (string | number)[];
export type Draft = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const pathKey = (path: PolicyPath): string => path.map(String).join('.');

export const valueAt = (document: unknown, path: PolicyPath): unknown => {
  let current: unknown = document;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = (current as unknown[])[key];
    else if (isRecord(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
};

const setIn = (container: unknown, path: PolicyPath, value: unknown): unknown => {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (typeof key === 'number') {
    const list: unknown[] = Array.isArray(container) ? [...(container as unknown[])] : [];
    list[key] = setIn(list[key], rest, value);
    return list;
  }
  const record: Record<string, unknown> = isRecord(container) ? { ...container } : {};
  record[key] = setIn(record[key], rest, value);
  return record;
};

export const withValue = (draft: Draft, path: PolicyPath, value: unknown): Draft => {
  const next = setIn(draft, path, value);
  return isRecord(next) ? next : draft;
};
