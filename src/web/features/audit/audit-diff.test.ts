import { describe, expect, it } from 'vitest';
import { diffRows } from './audit-diff.ts';

describe('diffRows', () => {
  it('marks only the fields whose value changed', () => {
    const rows = diffRows(
      { displayName: 'Siti Rahmawati', role: 'district_officer', scope: ['15.08.01'] },
      { displayName: 'Siti Rahmawati, S.Sos.', role: 'district_officer', scope: ['15.08.01'] },
    );
    expect(rows.filter((r) => r.changed).map((r) => r.key)).toEqual(['displayName']);
    expect(rows).toHaveLength(3);
  });

  it('treats every field of a new record as changed and flattens nested objects', () => {
    const rows = diffRows(null, { villageTerm: 'Dusun', setOn: { code: '15.08' } });
    expect(rows.map((r) => [r.key, r.presence, r.changed])).toEqual([
      ['villageTerm', 'after', true],
      ['setOn.code', 'after', true],
    ]);
  });

  it('compares arrays by value and keeps a removed field', () => {
    const rows = diffRows({ scope: ['15.08', '15.09'], note: 'x' }, { scope: ['15.08'] });
    expect(rows).toEqual([
      {
        key: 'scope',
        before: ['15.08', '15.09'],
        after: ['15.08'],
        changed: true,
        presence: 'both',
      },
      { key: 'note', before: 'x', after: undefined, changed: true, presence: 'before' },
    ]);
  });

  it('has no rows when neither side holds data', () => {
    expect(diffRows(null, null)).toEqual([]);
  });
});
