import { jqlSyntaxError } from './jql-error';

export type JqlTokenType = 'word' | 'string' | 'operator' | '(' | ')' | ',' | 'end';

export interface JqlToken {
  readonly type: JqlTokenType;
  readonly text: string;
  /** Offset in the query, for error messages. */
  readonly position: number;
}

const OPERATORS = ['!=', '<=', '>=', '!~', '=', '<', '>', '~'] as const;
const WORD_CHAR = /[A-Za-z0-9_.\-:+*/]/;

const readQuoted = (jql: string, start: number): { text: string; end: number } => {
  const quote = jql[start];
  let text = '';
  let index = start + 1;
  while (index < jql.length && jql[index] !== quote) {
    if (jql[index] === '\\' && index + 1 < jql.length) index += 1;
    text += jql[index] ?? '';
    index += 1;
  }
  if (index >= jql.length) throw jqlSyntaxError(`The quoted string '${text}' has not been completed.`, start);
  return { text, end: index + 1 };
};

/** Words may carry one bracketed part, so issue.property[key].path and cf[10001] are single tokens. */
const readWord = (jql: string, start: number): { text: string; end: number } => {
  let index = start;
  while (index < jql.length) {
    const char = jql[index] ?? '';
    if (WORD_CHAR.test(char)) {
      index += 1;
    } else if (char === '[' && index > start) {
      const close = jql.indexOf(']', index);
      if (close < 0) throw jqlSyntaxError("Expecting ']' to close the field name.", index);
      index = close + 1;
    } else {
      break;
    }
  }
  return { text: jql.slice(start, index), end: index };
};

export const tokenizeJql = (jql: string): JqlToken[] => {
  const tokens: JqlToken[] = [];
  let index = 0;
  while (index < jql.length) {
    const char = jql[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: char, text: char, position: index });
      index += 1;
      continue;
    }
    if (char === '"' || char === "'") {
      const { text, end } = readQuoted(jql, index);
      tokens.push({ type: 'string', text, position: index });
      index = end;
      continue;
    }
    const operator = OPERATORS.find((candidate) => jql.startsWith(candidate, index));
    if (operator !== undefined) {
      tokens.push({ type: 'operator', text: operator, position: index });
      index += operator.length;
      continue;
    }
    if (WORD_CHAR.test(char)) {
      const { text, end } = readWord(jql, index);
      tokens.push({ type: 'word', text, position: index });
      index = end;
      continue;
    }
    const code = char.charCodeAt(0).toString(16).padStart(4, '0');
    throw jqlSyntaxError(
      `The character '${char}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead.`,
      index,
    );
  }
  tokens.push({ type: 'end', text: '', position: jql.length });
  return tokens;
};
