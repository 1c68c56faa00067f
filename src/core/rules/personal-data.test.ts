import { describe, expect, it } from 'vitest';
import { maskKpj, maskNik } from './personal-data.ts';

describe('masking personal identifiers', () => {
  it('masks a NIK as 150801xxxxxx0001', () => {
    expect(maskNik('1508014107850001')).toBe('150801xxxxxx0001');
    expect(maskNik('1508 0141 0785 0001')).toBe('150801xxxxxx0001');
  });

  it('never shows a malformed NIK in clear', () => {
    expect(maskNik('12345')).toBe('xxxxx');
    expect(maskNik('')).toBe('x');
  });

  it('masks a KPJ to its last four digits', () => {
    expect(maskKpj('12345674321')).toBe('xxxxxxx4321');
    expect(maskKpj('123')).toBe('xxx');
  });
});
