import type { JqlClause, JqlComparison, JqlOrderBy, JqlQuery, JqlValue } from './jql-ast';
import { jqlSyntaxError } from './jql-error';
import { tokenizeJql, type JqlToken } from './jql-lexer';

const isKeyword = (token: JqlToken, keyword: string): boolean =>
  token.type === 'word' && token.text.toUpperCase() === keyword;

const RESERVED = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'EMPTY', 'NULL', 'ORDER', 'BY', 'ASC', 'DESC']);

const shown = (token: JqlToken): string => (token.type === 'end' ? 'EOF' : token.text);

/**
 * Recursive descent over: query := [or] [ORDER BY field [ASC|DESC] {, …}];
 * or := and {OR and}; and := not {AND not}; not := NOT not | ( or ) | clause.
 */
class JqlParser {
  private index = 0;

  constructor(private readonly tokens: readonly JqlToken[]) {}

  parse(): JqlQuery {
    const where = isKeyword(this.peek(), 'ORDER') || this.peek().type === 'end' ? undefined : this.parseOr();
    const orderBy = this.parseOrderBy();
    const rest = this.peek();
    if (rest.type !== 'end')
      throw jqlSyntaxError(`Expecting either 'OR' or 'AND' but got '${shown(rest)}'.`, rest.position);
    return { where, orderBy };
  }

  private peek(): JqlToken {
    return this.tokens[this.index] ?? { type: 'end', text: '', position: 0 };
  }

  private take(): JqlToken {
    const token = this.peek();
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private expect(type: JqlToken['type'], description: string): JqlToken {
    const token = this.take();
    if (token.type !== type)
      throw jqlSyntaxError(`Expecting ${description} but got '${shown(token)}'.`, token.position);
    return token;
  }

  private parseOr(): JqlClause {
    const clauses = [this.parseAnd()];
    while (isKeyword(this.peek(), 'OR')) {
      this.take();
      clauses.push(this.parseAnd());
    }
    return clauses.length === 1 && clauses[0] !== undefined ? clauses[0] : { kind: 'or', clauses };
  }

  private parseAnd(): JqlClause {
    const clauses = [this.parseNot()];
    while (isKeyword(this.peek(), 'AND')) {
      this.take();
      clauses.push(this.parseNot());
    }
    return clauses.length === 1 && clauses[0] !== undefined ? clauses[0] : { kind: 'and', clauses };
  }

  private parseNot(): JqlClause {
    if (isKeyword(this.peek(), 'NOT')) {
      this.take();
      return { kind: 'not', clause: this.parseNot() };
    }
    if (this.peek().type === '(') {
      this.take();
      const inner = this.parseOr();
      this.expect(')', "')'");
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): JqlClause {
    const fieldToken = this.take();
    if (
      (fieldToken.type !== 'word' && fieldToken.type !== 'string') ||
      RESERVED.has(fieldToken.text.toUpperCase())
    ) {
      throw jqlSyntaxError(`Expecting a field name but got '${shown(fieldToken)}'.`, fieldToken.position);
    }
    const field = fieldToken.text;
    const next = this.peek();
    if (next.type === 'operator') {
      this.take();
      return { kind: 'compare', field, operator: next.text as JqlComparison, value: this.parseValue() };
    }
    if (isKeyword(next, 'IN') || isKeyword(next, 'NOT')) {
      this.take();
      const negated = isKeyword(next, 'NOT');
      if (negated && !isKeyword(this.take(), 'IN')) {
        throw jqlSyntaxError(`Expecting 'IN' after 'NOT'.`, next.position);
      }
      return { kind: 'in', field, negated, values: this.parseList() };
    }
    if (isKeyword(next, 'IS')) {
      this.take();
      const negated = isKeyword(this.peek(), 'NOT');
      if (negated) this.take();
      const empty = this.take();
      if (!isKeyword(empty, 'EMPTY') && !isKeyword(empty, 'NULL')) {
        throw jqlSyntaxError(`Expecting 'EMPTY' or 'NULL' but got '${shown(empty)}'.`, empty.position);
      }
      return { kind: 'empty', field, negated };
    }
    throw jqlSyntaxError(`Expecting operator but got '${shown(next)}'.`, next.position);
  }

  private parseList(): JqlValue[] {
    this.expect('(', "'('");
    const values = [this.parseValue()];
    while (this.peek().type === ',') {
      this.take();
      values.push(this.parseValue());
    }
    this.expect(')', "')'");
    return values;
  }

  private parseValue(): JqlValue {
    const token = this.take();
    if (token.type === 'string') return { kind: 'literal', text: token.text, quoted: true };
    if (token.type !== 'word' || RESERVED.has(token.text.toUpperCase())) {
      throw jqlSyntaxError(
        `Expecting either a value, list or function but got '${shown(token)}'.`,
        token.position,
      );
    }
    if (this.peek().type !== '(') return { kind: 'literal', text: token.text, quoted: false };
    this.take();
    const args: string[] = [];
    while (this.peek().type !== ')') {
      const arg = this.take();
      if (arg.type !== 'word' && arg.type !== 'string') {
        throw jqlSyntaxError(`Expecting a function argument but got '${shown(arg)}'.`, arg.position);
      }
      args.push(arg.text);
      if (this.peek().type === ',') this.take();
    }
    this.take();
    return { kind: 'function', name: token.text, args };
  }

  private parseOrderBy(): JqlOrderBy[] {
    if (!isKeyword(this.peek(), 'ORDER')) return [];
    this.take();
    const by = this.take();
    if (!isKeyword(by, 'BY')) throw jqlSyntaxError(`Expecting 'by' but got '${shown(by)}'.`, by.position);
    const orderBy: JqlOrderBy[] = [];
    do {
      if (orderBy.length > 0) this.take();
      const field = this.take();
      if (field.type !== 'word' && field.type !== 'string') {
        throw jqlSyntaxError(`Expecting a field name but got '${shown(field)}'.`, field.position);
      }
      let direction: 'ASC' | 'DESC' = 'ASC';
      if (isKeyword(this.peek(), 'ASC') || isKeyword(this.peek(), 'DESC')) {
        direction = this.take().text.toUpperCase() as 'ASC' | 'DESC';
      }
      orderBy.push({ field: field.text, direction });
    } while (this.peek().type === ',');
    return orderBy;
  }
}

export const parseJql = (jql: string): JqlQuery => new JqlParser(tokenizeJql(jql)).parse();
