/**
 * Cypher as a tree: the projections (src/storage/projection.ts) and keyset pages (src/storage/window.ts)
 * build typed clauses and expressions, and `printQuery` writes them out as one line of Cypher. Variables
 * and parameters are objects, named only when printed, in the order the printer meets them, so one shape
 * of tree always prints one text (one cached plan) whatever values its parameters carry, and no two
 * subqueries can take the same name by accident. Labels, relationship types and property names are
 * checked identifiers of the graph model, written into the text because the planner uses only what it sees.
 *
 * Neo4j's @neo4j/cypher-builder was tried first: it prints the same shapes, but indented over many lines
 * with longer generated names (a hop page ~25% longer), takes ~4× as long to build, and would still need
 * raw text for the Cypher files the root lists page over. This module is the small part of it we use.
 */

/** A variable of the query; `name` fixes its name (a column of a Cypher file, a query's input), else it is `prefix` + a number. */
export class Variable {
  constructor(
    readonly prefix: string,
    readonly name: string | null = null,
  ) {}
}

/** A query parameter: its value travels apart from the text; `name` fixes its name, else it is `p` + a number. */
export class Parameter {
  constructor(
    readonly value: unknown,
    readonly name: string | null = null,
  ) {}
}

export type Operator = '=' | '<>' | '<' | '>' | '<=' | '>=' | '+' | '-' | 'AND' | 'OR' | 'STARTS WITH';

export type Expression =
  | Variable
  | Parameter
  | { kind: 'property'; of: Expression; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'null' }
  | { kind: 'list'; items: readonly Expression[] }
  | { kind: 'function'; name: string; args: readonly Expression[] }
  | { kind: 'operator'; operator: Operator; left: Expression; right: Expression }
  | { kind: 'isNull'; operand: Expression; negated: boolean }
  | { kind: 'index'; list: Expression; index: number | Expression }
  | { kind: 'sliceTo'; list: Expression; end: Expression }
  | { kind: 'case'; when: Expression; then: Expression; otherwise: Expression }
  /** The node's label other than Entity. */
  | { kind: 'labelOf'; node: Variable }
  /** `[x IN list | map]`. */
  | { kind: 'comprehension'; each: Variable; list: Expression; map: Expression }
  | { kind: 'count'; pattern: Pattern; where: Expression | null }
  | { kind: 'collect'; query: readonly Clause[] }
  /** Cypher fixed in the source (a root list's order over its file's columns): never a user's value. */
  | { kind: 'verbatim'; text: string };

/** One relationship between two nodes; `rel` null: not named (a count needs no variable for it). */
export interface Pattern {
  from: Variable;
  rel: Variable | null;
  type: string;
  direction: 'out' | 'in';
  to: Variable;
}

export interface Aliased {
  expression: Expression;
  as: Variable;
}

export interface Ordering {
  expression: Expression;
  descending: boolean;
}

export type Clause =
  | { kind: 'unwind'; list: Expression; as: Variable }
  | { kind: 'match'; pattern: Pattern; where: Expression | null }
  /** A node of a label found by one property (`(n:Entity {uid: …})`), as MATCH or OPTIONAL MATCH. */
  | {
      kind: 'matchNode';
      node: Variable;
      label: string;
      property: string;
      value: Expression;
      optional: boolean;
      where: Expression | null;
    }
  | {
      kind: 'with';
      items: readonly (Variable | Aliased)[];
      where: Expression | null;
      orderBy: readonly Ordering[];
      limit: Expression | null;
    }
  | { kind: 'return'; items: readonly (Expression | Aliased)[] }
  /** A subquery importing `imports`; its body is clauses, or the text of a Cypher file. */
  | { kind: 'call'; imports: readonly Variable[]; body: readonly Clause[] | string };

// ---- building --------------------------------------------------------------------------------------

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A property, relationship type or label name: a plain identifier, else the graph model is wrong. */
export function identifier(name: string): string {
  if (!checked.has(name)) {
    if (!IDENTIFIER.test(name)) throw new Error(`cypher: "${name}" is not a property or type name`);
    checked.add(name);
  }
  return name;
}
/** Names already found to be identifiers: the graph model has a few dozen, met in every query. */
const checked = new Set<string>();

export const variable = (prefix: string): Variable => new Variable(prefix);
export const named = (name: string): Variable => new Variable(name, identifier(name));
export const param = (value: unknown): Parameter => new Parameter(value);
export const namedParam = (name: string, value: unknown): Parameter => new Parameter(value, identifier(name));
export const prop = (of: Expression, name: string): Expression => ({
  kind: 'property',
  of,
  name: identifier(name),
});
export const str = (value: string): Expression => ({ kind: 'string', value });
export const NULL: Expression = { kind: 'null' };
export const int = (value: number): Expression => ({ kind: 'integer', value: Math.trunc(value) });
export const list = (items: readonly Expression[]): Expression => ({ kind: 'list', items });
export const fn = (name: string, ...args: Expression[]): Expression => ({ kind: 'function', name, args });
export const op = (left: Expression, operator: Operator, right: Expression): Expression => ({
  kind: 'operator',
  operator,
  left,
  right,
});
/** `AND` of the expressions (null when there are none). */
export const and = (terms: readonly Expression[]): Expression | null =>
  terms.length === 0 ? null : terms.reduce((all, term) => op(all, 'AND', term));
export const or = (terms: readonly Expression[]): Expression =>
  terms.reduce((any, term) => op(any, 'OR', term));
export const isNull = (operand: Expression): Expression => ({ kind: 'isNull', operand, negated: false });
export const isNotNull = (operand: Expression): Expression => ({ kind: 'isNull', operand, negated: true });
export const index = (of: Expression, at: number | Expression): Expression => ({
  kind: 'index',
  list: of,
  index: at,
});
export const sliceTo = (of: Expression, end: Expression): Expression => ({ kind: 'sliceTo', list: of, end });
export const caseWhen = (when: Expression, then: Expression, otherwise: Expression): Expression => ({
  kind: 'case',
  when,
  then,
  otherwise,
});
export const labelOf = (node: Variable): Expression => ({ kind: 'labelOf', node });
export const comprehension = (each: Variable, of: Expression, map: Expression): Expression => ({
  kind: 'comprehension',
  each,
  list: of,
  map,
});
/** An `:Entity` found by uid. */
export const matchUid = (node: Variable, uid: Expression, optional: boolean): Clause => ({
  kind: 'matchNode',
  node,
  label: 'Entity',
  property: 'uid',
  value: uid,
  optional,
  where: null,
});
export const count = (pattern: Pattern, where: Expression | null = null): Expression => ({
  kind: 'count',
  pattern,
  where,
});
export const collect = (query: readonly Clause[]): Expression => ({ kind: 'collect', query });
export const verbatim = (text: string): Expression => ({ kind: 'verbatim', text });
export const EMPTY_LIST: Expression = list([]);
export const as = (expression: Expression, alias: Variable): Aliased => ({ expression, as: alias });

export const withClause = (
  items: readonly (Variable | Aliased)[],
  more: Partial<{ where: Expression | null; orderBy: readonly Ordering[]; limit: Expression | null }> = {},
): Clause => ({
  kind: 'with',
  items,
  where: more.where ?? null,
  orderBy: more.orderBy ?? [],
  limit: more.limit ?? null,
});

// ---- printing --------------------------------------------------------------------------------------

/** A printed query: its text and the values of its parameters by name. */
export interface PrintedQuery {
  text: string;
  params: Record<string, unknown>;
}

const isAliased = (item: Expression | Aliased): item is Aliased =>
  !(item instanceof Variable) && !(item instanceof Parameter) && 'as' in item;

/** How tightly an operator binds: a looser operand is bracketed. */
const BINDING: Record<Operator | 'isNull', number> = {
  OR: 1,
  AND: 2,
  '=': 3,
  '<>': 3,
  '<': 3,
  '>': 3,
  '<=': 3,
  '>=': 3,
  'STARTS WITH': 3,
  isNull: 3,
  '+': 4,
  '-': 4,
};
/** Operators whose operands may chain without brackets (`a AND b AND c`, `a + b + c`). */
const ASSOCIATIVE = new Set<Operator>(['AND', 'OR', '+']);

class Printer {
  private readonly names = new Map<Variable | Parameter, string>();
  private counter = 0;
  readonly params: Record<string, unknown> = {};

  private nameOf(variable: Variable): string {
    let name = this.names.get(variable);
    if (name === undefined) {
      name = variable.name ?? `${variable.prefix}${this.counter++}`;
      this.names.set(variable, name);
    }
    return name;
  }

  private paramOf(parameter: Parameter): string {
    let name = this.names.get(parameter);
    if (name === undefined) {
      name = parameter.name ?? `p${this.counter++}`;
      this.names.set(parameter, name);
      this.params[name] = parameter.value;
    }
    return `$${name}`;
  }

  /** An operand of `operator`, bracketed when it binds more loosely (or as tightly, on the right or unless it chains). */
  private operand(expression: Expression, operator: Operator | 'isNull', left: boolean): string {
    const text = this.expression(expression);
    if (expression instanceof Variable || expression instanceof Parameter) return text;
    if (expression.kind === 'verbatim') return text.includes(' ') ? `(${text})` : text;
    const inner =
      expression.kind === 'operator' ? expression.operator : expression.kind === 'isNull' ? 'isNull' : null;
    if (inner === null) return text;
    const chains = left && inner === operator && operator !== 'isNull' && ASSOCIATIVE.has(operator);
    return BINDING[inner] > BINDING[operator] || chains ? text : `(${text})`;
  }

  /** An expression followed by `.name`, `[i]` or `[..n]`: bracketed unless it is one term. */
  private postfixed(e: Expression): string {
    const text = this.expression(e);
    return e instanceof Variable ||
      e instanceof Parameter ||
      !['operator', 'isNull', 'case', 'verbatim'].includes(e.kind)
      ? text
      : `(${text})`;
  }

  expression(e: Expression): string {
    if (e instanceof Variable) return this.nameOf(e);
    if (e instanceof Parameter) return this.paramOf(e);
    switch (e.kind) {
      case 'property':
        return `${this.postfixed(e.of)}.${e.name}`;
      case 'string':
        return `'${e.value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\t', '\\t')}'`;
      case 'integer':
        return String(e.value);
      case 'null':
        return 'null';
      case 'list':
        return `[${e.items.map((item) => this.expression(item)).join(', ')}]`;
      case 'function':
        return `${e.name}(${e.args.map((arg) => this.expression(arg)).join(', ')})`;
      case 'operator':
        return `${this.operand(e.left, e.operator, true)} ${e.operator} ${this.operand(e.right, e.operator, false)}`;
      case 'isNull':
        return `${this.operand(e.operand, 'isNull', true)} IS ${e.negated ? 'NOT ' : ''}NULL`;
      case 'index':
        return `${this.postfixed(e.list)}[${typeof e.index === 'number' ? e.index : this.expression(e.index)}]`;
      case 'sliceTo':
        return `${this.postfixed(e.list)}[..${this.expression(e.end)}]`;
      case 'case':
        return `CASE WHEN ${this.expression(e.when)} THEN ${this.expression(e.then)} ELSE ${this.expression(e.otherwise)} END`;
      case 'labelOf':
        return `[l IN labels(${this.nameOf(e.node)}) WHERE l <> 'Entity'][0]`;
      case 'comprehension':
        return `[${this.nameOf(e.each)} IN ${this.expression(e.list)} | ${this.expression(e.map)}]`;
      case 'count':
        return `COUNT { MATCH ${this.pattern(e.pattern)}${this.where(e.where)} }`;
      case 'collect':
        return `COLLECT { ${this.clauses(e.query)} }`;
      case 'verbatim':
        return e.text;
    }
  }

  private pattern({ from, rel, type, direction, to }: Pattern): string {
    const middle = `[${rel === null ? '' : this.nameOf(rel)}:${identifier(type)}]`;
    return direction === 'out'
      ? `(${this.nameOf(from)})-${middle}->(${this.nameOf(to)})`
      : `(${this.nameOf(from)})<-${middle}-(${this.nameOf(to)})`;
  }

  private where(predicate: Expression | null): string {
    return predicate === null ? '' : ` WHERE ${this.expression(predicate)}`;
  }

  private items(items: readonly (Expression | Aliased)[]): string {
    return items
      .map((item) =>
        isAliased(item)
          ? `${this.expression(item.expression)} AS ${this.nameOf(item.as)}`
          : this.expression(item),
      )
      .join(', ');
  }

  clause(c: Clause): string {
    switch (c.kind) {
      case 'unwind':
        return `UNWIND ${this.expression(c.list)} AS ${this.nameOf(c.as)}`;
      case 'match':
        return `MATCH ${this.pattern(c.pattern)}${this.where(c.where)}`;
      case 'matchNode':
        return (
          `${c.optional ? 'OPTIONAL ' : ''}MATCH (${this.nameOf(c.node)}:${identifier(c.label)} ` +
          `{${identifier(c.property)}: ${this.expression(c.value)}})${this.where(c.where)}`
        );
      case 'with': {
        const order = c.orderBy
          .map((o) => `${this.expression(o.expression)}${o.descending ? ' DESC' : ''}`)
          .join(', ');
        return (
          `WITH ${this.items(c.items)}${this.where(c.where)}` +
          (order === '' ? '' : ` ORDER BY ${order}`) +
          (c.limit === null ? '' : ` LIMIT ${this.expression(c.limit)}`)
        );
      }
      case 'return':
        return `RETURN ${this.items(c.items)}`;
      case 'call': {
        const body = typeof c.body === 'string' ? `\n${c.body}\n` : ` ${this.clauses(c.body)} `;
        return `CALL (${c.imports.map((v) => this.nameOf(v)).join(', ')}) {${body}}`;
      }
    }
  }

  clauses(clauses: readonly Clause[]): string {
    return clauses.map((c) => this.clause(c)).join(' ');
  }
}

/**
 * A list on the wire whose slots are named once, here: written from named expressions and read back into
 * named fields. Rows travel as lists, not maps, because Bolt sends a map's keys with every value and
 * decoding those strings was the largest part of the time a deep answer spent in Node. Slots left out at
 * the end are not sent (they read as null); one left out before a written one is sent as null.
 */
export interface Wire<T> {
  write(fields: { readonly [K in keyof T]?: Expression }): Expression;
  read(row: unknown): T;
}

export function wire<T extends object>(name: string, slots: readonly (keyof T & string)[]): Wire<T> {
  return {
    write: (fields) => {
      let end = slots.length;
      while (end > 0 && fields[slots[end - 1]!] === undefined) end--;
      return list(slots.slice(0, end).map((slot) => fields[slot] ?? NULL));
    },
    read: (row) => {
      if (!Array.isArray(row)) throw new TypeError(`${name}: expected a list on the wire, got ${typeof row}`);
      const fields: Record<string, unknown> = {};
      slots.forEach((slot, i) => {
        fields[slot] = row[i] ?? null;
      });
      // The query wrote these slots in this order (write above); their values are the query's to type.
      return fields as T;
    },
  };
}

/** The query's text, one line (a Cypher file's own lines aside), and its parameters. */
export function printQuery(clauses: readonly Clause[]): PrintedQuery {
  const printer = new Printer();
  const text = printer.clauses(clauses);
  return { text, params: printer.params };
}

/** One expression printed alone (tests, and Cypher written around it by hand). */
export function printExpression(expression: Expression): PrintedQuery {
  const printer = new Printer();
  const text = printer.expression(expression);
  return { text, params: printer.params };
}
