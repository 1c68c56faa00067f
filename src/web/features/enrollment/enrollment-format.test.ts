import { describe, expect, it } from 'vitest';
import { monthRange, mutasiActions, ownVillage, queueSize } from './enrollment-format.ts';

describe('queueSize', () => {
  const page = (total: number, rows: number) => ({ total, items: Array.from({ length: rows }) });

  it('says more wait when the regency queue holds more than the loaded page', () => {
    // 3,525 verified across Bungo, the queue loads the first 500
    expect(queueSize(page(3525, 500), 500)).toEqual({ waiting: 3525, more: true });
  });

  it('does not when the page holds everything', () => {
    expect(queueSize(page(33, 33), 33)).toEqual({ waiting: 33, more: false });
    expect(queueSize(page(0, 0), 0)).toEqual({ waiting: 0, more: false });
  });

  it('is quiet while the queue loads', () => {
    expect(queueSize(undefined, 0)).toEqual({ waiting: 0, more: false });
  });
});

describe('monthRange', () => {
  it('writes months the Indonesian way', () => {
    expect(monthRange('2026-11-01', '2026-12-31')).toBe('November–Desember 2026');
    expect(monthRange('2027-04', '2028-03')).toBe('April 2027 – Maret 2028');
    expect(monthRange('2027-05', '2027-05')).toBe('Mei 2027');
  });
});

describe('ownVillage', () => {
  it('is the village of an account working in exactly one village', () => {
    expect(ownVillage(['15.08.01.2001'])).toBe('15.08.01.2001');
    expect(ownVillage(['15.08.01'])).toBeUndefined();
    expect(ownVillage(['15.08.01.2001', '15.08.01.2002'])).toBeUndefined();
  });
});

describe('mutasiActions', () => {
  const office = { end: true, replace: true };
  const village = { end: false, replace: true };

  it('lets the regency office end a protected or sent seat, not one still in the chain', () => {
    expect(mutasiActions('active', office).end).toBe(true);
    expect(mutasiActions('sent', office).end).toBe(true);
    for (const s of ['proposed', 'verified', 'approved', 'returned', 'ended'] as const)
      expect(mutasiActions(s, office).end, s).toBe(false);
  });

  it('offers a replacement only for an ended seat, and never ending to a village', () => {
    expect(mutasiActions('ended', village)).toEqual({ end: false, replace: true });
    expect(mutasiActions('active', village)).toEqual({ end: false, replace: false });
    expect(mutasiActions('ended', { end: false, replace: false }).replace).toBe(false);
  });

  it('does not offer a replacement for a seat somebody already took', () => {
    expect(mutasiActions('ended', village, 'Marlina').replace).toBe(false);
  });
});
