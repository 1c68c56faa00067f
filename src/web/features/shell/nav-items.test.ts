import { describe, expect, it } from 'vitest';
import type { Me } from '../auth/auth-types.ts';
import { activeNavPath, navItemsFor, NAV_ITEMS } from './nav-items.ts';

/** The label key of the highlighted menu item for an address. */
function highlighted(pathname: string, items = NAV_ITEMS): string | undefined {
  const path = activeNavPath(items, pathname);
  return items.find((i) => i.path === path)?.key;
}

describe('activeNavPath', () => {
  it('highlights "Usulan peserta" on a programme participants page, not "Program"', () => {
    expect(highlighted('/program/76d9c284-7b8a-46c5-966c-7127d255903d/peserta')).toBe(
      'enrollments',
    );
    expect(highlighted('/program/abc/peserta/')).toBe('enrollments');
  });

  it('keeps "Program" for the other programme pages of issue #5', () => {
    for (const path of [
      '/program',
      '/program/baru',
      '/program/perencana',
      '/program/abc',
      '/program/abc/ubah',
      '/program/abc/bpjs',
    ])
      expect(highlighted(path), path).toBe('programs');
  });

  it('highlights the menu pages themselves and only one item at a time', () => {
    expect(highlighted('/usulan')).toBe('enrollments');
    expect(highlighted('/kesinambungan')).toBe('continuity');
    expect(highlighted('/')).toBe('dashboard');
    expect(highlighted('/pekerja/123')).toBe('workers');
    expect(highlighted('/tidak-ada')).toBeUndefined();
  });

  it('falls back to "Program" when the user has no "Usulan peserta" item', () => {
    const me = { permissions: ['programs.read'] } as unknown as Me;
    expect(highlighted('/program/abc/peserta', navItemsFor(me))).toBe('programs');
  });
});
