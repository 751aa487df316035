/**
 * A JQL string literal: the text in double quotes with quotes and backslashes escaped, so a project key, an issue
 * type id or a name can never end the literal and add a clause of its own (DESIGN.md §10).
 */
export const jqlLiteral = (text: string): string =>
  `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
