export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
  /** Present on one side only. */
  presence: 'both' | 'before' | 'after';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nested objects become dotted keys ("localTerm.villageTerm"); arrays stay values. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()) {
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Before/after of an audit record as rows keyed by field, in the order the fields appear. */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const a = before === null || before === undefined ? new Map<string, unknown>() : flatten(before);
  const b = after === null || after === undefined ? new Map<string, unknown>() : flatten(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.map((key) => {
    const inA = a.has(key);
    const inB = b.has(key);
    return {
      key: key || '—',
      before: a.get(key),
      after: b.get(key),
      changed: inA && inB ? !same(a.get(key), b.get(key)) : true,
      presence: inA && inB ? 'both' : inA ? 'before' : 'after',
    };
  });
}
