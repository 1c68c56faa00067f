import { describe, expect, it } from 'vitest';
import { normaliseRegionName } from './region-name.ts';

describe('normaliseRegionName', () => {
  it('brings names written in capitals to the form of the decree', () => {
    expect(normaliseRegionName('KABUPATEN BUNGO')).toBe('Kabupaten Bungo');
    expect(normaliseRegionName('KABUPATEN PANGKAJENE DAN KEPULAUAN')).toBe(
      'Kabupaten Pangkajene dan Kepulauan',
    );
    expect(normaliseRegionName('KABUPATEN TOLI-TOLI')).toBe('Kabupaten Toli-Toli');
    expect(normaliseRegionName('DKI JAKARTA')).toBe('DKI Jakarta');
    expect(normaliseRegionName('DAERAH ISTIMEWA YOGYAKARTA')).toBe('Daerah Istimewa Yogyakarta');
  });

  it('leaves names already in mixed case as they are', () => {
    expect(normaliseRegionName('Rantau Pandan')).toBe('Rantau Pandan');
    expect(normaliseRegionName("Soka'an")).toBe("Soka'an");
    expect(normaliseRegionName('Muara  Bungo ')).toBe('Muara Bungo');
  });
});
