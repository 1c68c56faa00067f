/**
 * Where a benchmark's time goes: every statement sent through node-postgres (the pool's clients
 * included) or through a PGlite instance (its transactions included) is timed from send to
 * answer, grouped by its kind (verb, table, joined tables and the columns of its WHERE). What is
 * left of a phase's wall time is JavaScript (zod, rules, Drizzle's query building and row
 * mapping) and the event loop; on PGlite, BEGIN/COMMIT of a transaction are not seen.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';

export interface StatementStats {
  kind: string;
  count: number;
  ms: number;
}

const stats = new Map<string, StatementStats>();
let installed = false;

/** "INSERT INTO audit_log", "SELECT … FROM enrollment", "SAVEPOINT", "UPDATE enrollment". */
export function statementKind(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const verb = (t.split(' ')[0] ?? '').toUpperCase();
  const table = (re: RegExp) => re.exec(t)?.[1]?.replace(/"/g, '') ?? '?';
  if (verb === 'INSERT') return `INSERT INTO ${table(/insert into ("?[\w.]+"?)/i)}`;
  if (verb === 'UPDATE') return `UPDATE ${table(/update ("?[\w.]+"?)/i)}`;
  if (verb === 'DELETE') return `DELETE FROM ${table(/delete from ("?[\w.]+"?)/i)}`;
  if (verb === 'SELECT' || verb === 'WITH') {
    const lock = / for update/i.test(t) ? ' FOR UPDATE' : '';
    const joins = [...t.matchAll(/ join ("?\w+"?)/gi)].map((m) => m[1]!.replace(/"/g, ''));
    const where = / where (.*)$/i.exec(t)?.[1] ?? '';
    const columns = [
      ...new Set(
        [...where.matchAll(/"?(\w+)"?\s*(?:=|in\b|&&|like\b|is\b|not in\b)/gi)].map((m) => m[1]!),
      ),
    ].slice(0, 4);
    return `SELECT … FROM ${table(/ from ("?[\w.]+"?)/i)}${joins.map((j) => ` ⋈ ${j}`).join('')}${columns.length ? ` WHERE ${columns.join(', ')}` : ''}${lock}`;
  }
  return verb;
}

function record(text: string, start: number): void {
  const kind = statementKind(text);
  const s = stats.get(kind) ?? { kind, count: 0, ms: 0 };
  s.count += 1;
  s.ms += performance.now() - start;
  stats.set(kind, s);
}

type QueryFn = (query: string, ...rest: unknown[]) => Promise<unknown>;

function timedQuery(original: QueryFn, self: unknown): QueryFn {
  return async (query, ...rest) => {
    const start = performance.now();
    try {
      return await original.call(self, query, ...rest);
    } finally {
      record(query, start);
    }
  };
}

/** Starts timing the statements of one PGlite instance (its transactions included). */
export function profilePglite(pglite: PGlite): void {
  const target = pglite as unknown as {
    query: QueryFn;
    transaction: <T>(cb: (tx: Transaction) => Promise<T>) => Promise<T>;
  };
  target.query = timedQuery(target.query, pglite);
  const transaction = target.transaction.bind(pglite);
  target.transaction = (cb) =>
    transaction((tx) => {
      const t = tx as unknown as { query: QueryFn };
      t.query = timedQuery(t.query, tx);
      return cb(tx);
    });
}

/** Starts timing node-postgres statements (idempotent). */
export function installQueryProfile(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
  };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text =
      typeof first === 'string'
        ? first
        : typeof (first as { text?: unknown })?.text === 'string'
          ? (first as { text: string }).text
          : null;
    const start = performance.now();
    const result = original.apply(this, args);
    if (text === null || !(result instanceof Promise)) return result;
    return result.then(
      (r: unknown) => {
        record(text, start);
        return r;
      },
      (e: unknown) => {
        record(text, start);
        throw e;
      },
    );
  };
}

/** The statements timed since the last call, largest total first; the counters start again. */
export function takeQueryProfile(): StatementStats[] {
  const out = [...stats.values()].sort((a, b) => b.ms - a.ms);
  stats.clear();
  return out;
}
