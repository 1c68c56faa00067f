import { describe, expect, it } from 'vitest';
import { isUsuallyNotBpu, occupationLabel, titleCase } from './worker-labels.ts';
import { findOccupation } from '../../../core/rules/occupations.ts';

describe('occupation names', () => {
  it('title-cases Dukcapil capitals and keeps abbreviations', () => {
    expect(titleCase('PETANI/PEKEBUN')).toBe('Petani/Pekebun');
    expect(titleCase('KEPOLISIAN RI (POLRI)')).toBe('Kepolisian RI (POLRI)');
    expect(titleCase('ANGGOTA DPRD KABUPATEN/KOTA')).toBe('Anggota DPRD Kabupaten/Kota');
    expect(occupationLabel(84)).toBe('Pedagang');
  });

  it('hints that students, civil servants and officials are usually not BPU', () => {
    expect(isUsuallyNotBpu(findOccupation(3))).toBe(true);
    expect(isUsuallyNotBpu(findOccupation(5))).toBe(true);
    expect(isUsuallyNotBpu(findOccupation(58))).toBe(true);
    expect(isUsuallyNotBpu(findOccupation(11))).toBe(false);
    expect(isUsuallyNotBpu(findOccupation(85))).toBe(false);
  });
});
