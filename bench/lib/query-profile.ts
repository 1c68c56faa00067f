/**
 * Where a benchmark's time goes on PostgreSQL: every statement sent through node-postgres (the
 * pool's clients included) is timed from send to answer, grouped by its kind (the statement's
 * first words and table). What is left of a phase's wall time is JavaScript (zod, rules, Drizzle's
 * query building and row mapping) and the event loop.
 */
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
    return `SELECT … FROM ${table(/ from ("?[\w.]+"?)/i)}${lock}`;
  }
  return verb;
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
    const record = () => {
      const kind = statementKind(text);
      const s = stats.get(kind) ?? { kind, count: 0, ms: 0 };
      s.count += 1;
      s.ms += performance.now() - start;
      stats.set(kind, s);
    };
    return result.then(
      (r: unknown) => {
        record();
        return r;
      },
      (e: unknown) => {
        record();
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
