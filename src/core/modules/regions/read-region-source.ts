import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../errors.ts';
import { normaliseRegionName } from '../../rules/region-name.ts';
import {
  parentCodeOf,
  regencyKindOf,
  regionLevelOf,
  villageKindOf,
  type RegionLevel,
} from '../../rules/region-code.ts';

export interface RegionSourceRow {
  code: string;
  name: string;
  level: RegionLevel;
  kind: string | null;
  parentCode: string | null;
}

export interface RegionSource {
  source: string;
  version: string;
  rows: RegionSourceRow[];
}

export const DEFAULT_REGION_SOURCE = 'idn-area-data';

const FILES: [string, RegionLevel][] = [
  ['provinces.csv', 'province'],
  ['regencies.csv', 'regency'],
  ['districts.csv', 'district'],
  ['villages.csv', 'village'],
];

/** The folder of the idn-area-data package that the project depends on, and its version. */
export function bundledRegionSource(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('idn-area-data/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { version: string };
  return { dir: path.join(path.dirname(pkgPath), 'data'), version: pkg.version };
}

/**
 * Reads the register from CSV files in the idn-area-data layout (code,…,name). Each row's level is
 * taken from the shape of its code, never from its file or its name, and must match the file.
 */
export function readRegionSource(
  dir: string,
  meta: { source: string; version: string },
): RegionSource {
  const rows: RegionSourceRow[] = [];
  for (const [file, level] of FILES) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      throw new DomainError('VALIDATION', `Berkas ${file} tidak ditemukan di ${dir}.`, { file });
    }
    // relax_quotes: the package writes the apostrophe of Madurese names as a bare quote (Soka"an).
    const records: Record<string, string>[] = parse(fs.readFileSync(full), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_quotes: true,
    });
    records.forEach((rec, i) => {
      const code = rec.code ?? '';
      // Soka"an is Soka'an in the Kemendagri decree: restore the apostrophe people type.
      const name = normaliseRegionName((rec.name ?? '').replace(/(\p{L})"(\p{L})/gu, "$1'$2"));
      if (regionLevelOf(code) !== level || !name) {
        throw new DomainError(
          'VALIDATION',
          `Baris ${i + 2} di ${file} tidak valid: kode "${code}", nama "${name}".`,
          { file, line: i + 2 },
        );
      }
      rows.push({
        code,
        name,
        level,
        kind: villageKindOf(code) ?? regencyKindOf(code) ?? null,
        parentCode: parentCodeOf(code),
      });
    });
  }
  return { source: meta.source, version: meta.version, rows };
}
