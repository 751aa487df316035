/** Query parameters as Jira reads them: repeated or comma-separated lists, integers and booleans. */
export class QueryReader {
  constructor(private readonly raw: Readonly<Record<string, string | string[]>>) {}

  string(name: string): string | undefined {
    const value = this.raw[name];
    return Array.isArray(value) ? value[0] : value;
  }

  /** `fields=a,b&fields=c` → ['a', 'b', 'c'] */
  list(name: string): string[] {
    const value = this.raw[name];
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    return values
      .flatMap((entry) => entry.split(','))
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }

  int(name: string, fallback: number): number {
    const value = this.string(name);
    return value === undefined || value.trim() === '' ? fallback : Number.parseInt(value, 10);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.string(name);
    return value === undefined ? fallback : value === 'true';
  }
}
