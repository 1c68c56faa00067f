import type { Db } from '../../db/client.ts';
import { normaliseNik } from '../../rules/nik.ts';
import type { ProposeEnrollmentsInput } from './enrollment.schema.ts';
import {
  findWorkersByIds,
  findWorkersByNiks,
  type WorkerWithVillage,
} from './enrollment.repository.ts';

/** One line of a proposal: the NIK as given (null for a worker id), the worker, or why not. */
export interface ProposedItem {
  nik: string | null;
  worker?: WorkerWithVillage;
  error?: string;
}

const UNKNOWN_NIK =
  'NIK tidak terdaftar di Jaring; daftarkan pekerjanya lebih dulu (Pekerja → Tambah pekerja).';
const TWICE = 'Tercantum lebih dari sekali dalam usulan ini.';

/** Finds the workers of a proposal in one query, keeping the order and the bad lines. */
export async function identifyWorkers(
  db: Db,
  input: Pick<ProposeEnrollmentsInput, 'niks' | 'workerIds'>,
): Promise<ProposedItem[]> {
  const seen = new Set<string>();
  if (input.niks) {
    const niks = input.niks.map((n) => normaliseNik(n));
    const found = new Map(
      (
        await findWorkersByNiks(
          db,
          niks.filter((n) => /^\d{16}$/.test(n)),
        )
      ).map((w) => [w.nik, w]),
    );
    return niks.map((nik) => {
      if (!/^\d{16}$/.test(nik)) return { nik, error: 'NIK harus 16 digit angka.' };
      const worker = found.get(nik);
      if (!worker) return { nik, error: UNKNOWN_NIK };
      if (seen.has(nik)) return { nik, worker, error: TWICE };
      seen.add(nik);
      return { nik, worker };
    });
  }
  const ids = input.workerIds ?? [];
  const found = new Map((await findWorkersByIds(db, ids)).map((w) => [w.id, w]));
  return ids.map((id) => {
    const worker = found.get(id);
    if (!worker) return { nik: null, error: 'Pekerja tidak ditemukan.' };
    if (seen.has(id)) return { nik: null, worker, error: TWICE };
    seen.add(id);
    return { nik: null, worker };
  });
}
