import { describe, expect, it } from 'vitest';
import { niksFromText } from './nik-list.ts';

describe('NIKs from pasted text', () => {
  it('reads one a line, separated by commas or tabs, with spaces inside', () => {
    const text = '1508014107850001\n1508 0141 0785 0002, 1508014107850003\t1508014107850001\n';
    expect(niksFromText(text)).toEqual({
      niks: ['1508014107850001', '1508014107850002', '1508014107850003'],
      ignored: [],
    });
  });

  it('finds the NIK in a row with a name, and keeps what is not a NIK aside', () => {
    const text = 'NIK;Nama\n"1508014107850001" Siti Aminah\n12345\n';
    expect(niksFromText(text)).toEqual({
      niks: ['1508014107850001'],
      ignored: ['NIK', 'Nama', '12345'],
    });
  });
});
