import type { Db } from '../../db/client.ts';
import { regionLevelOf } from '../../rules/region-code.ts';
import type { ProgramRow } from './load-program.ts';
import { findRegionFacts } from './programs.repository.ts';

export interface SeatEntry {
  /** Where the entry came from: the line of a file, or the position in a typed list. */
  at: number;
  villageCode: string;
  seats: number;
}

export interface RefusedEntry {
  at: number;
  villageCode: string;
  reason: string;
}

const KIND_WORD: Record<string, string> = {
  desa: 'desa',
  kelurahan: 'kelurahan',
  desa_adat: 'desa adat',
};

/**
 * Splits seat entries into those that may be applied and those refused with a reason: a village of
 * the register, in force, inside the owner region, of the program's kinds, named once.
 */
export async function checkSeatEntries(
  db: Db,
  row: ProgramRow,
  entries: readonly SeatEntry[],
  ownerName: string,
  label: (at: number) => string,
): Promise<{ ok: SeatEntry[]; refused: RefusedEntry[] }> {
  const facts = new Map(
    (await findRegionFacts(db, [...new Set(entries.map((e) => e.villageCode))])).map((f) => [
      f.code,
      f,
    ]),
  );
  const kinds = row.quota.villageKinds;
  const seen = new Map<string, number>();
  const ok: SeatEntry[] = [];
  const refused: RefusedEntry[] = [];
  for (const e of entries) {
    const code = e.villageCode;
    const f = facts.get(code);
    const inOwner = code.startsWith(`${row.ownerRegion}.`) || code === row.ownerRegion;
    let reason: string | undefined;
    if (regionLevelOf(code) !== 'village')
      reason = `Kode ${code} bukan kode desa/kelurahan (contoh: 15.08.01.2001).`;
    else if (!f) reason = `Desa dengan kode ${code} tidak ada di register wilayah.`;
    else if (f.retired) reason = `Kode desa ${code} (${f.name}) sudah tidak berlaku.`;
    else if (!inOwner) reason = `${f.name} (${code}) di luar wilayah program (${ownerName}).`;
    else if (!kinds.includes(f.kind ?? ''))
      reason = `${f.name} adalah ${KIND_WORD[f.kind ?? ''] ?? f.kind}; program ini hanya untuk ${kinds.map((k) => KIND_WORD[k] ?? k).join(' dan ')}.`;
    else if (seen.has(code)) reason = `Desa ${code} sudah disebut di ${label(seen.get(code)!)}.`;
    if (reason) refused.push({ at: e.at, villageCode: code, reason });
    else {
      seen.set(code, e.at);
      ok.push(e);
    }
  }
  return { ok, refused };
}
