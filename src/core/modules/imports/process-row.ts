import type { Ctx } from '../../context.ts';
import { isWithinScope } from '../../access/scope.ts';
import { isDomainError } from '../../errors.ts';
import { normaliseNik } from '../../rules/nik.ts';
import { createWorker, findWorkerByNik, patchWorker, type WorkerInput } from '../workers/index.ts';
import type { ColumnMap } from './map-worker-row.ts';

export type RowResult =
  | { outcome: 'created' | 'updated' | 'unchanged'; warned: boolean }
  | { outcome: 'rejected'; reason: string };

function reasonOf(e: unknown): string {
  if (!isDomainError(e)) throw e;
  const issues = (e.details?.issues as { message?: string }[] | undefined) ?? [];
  const messages = [...new Set(issues.map((i) => i.message).filter(Boolean))];
  return messages.length > 1 ? messages.join(' ') : e.message;
}

const NEW_WORKER_NEEDS =
  'NIK belum terdaftar. Untuk pekerja baru isi juga tanggal lahir, jenis kelamin, desa dan kode pekerjaan.';

/**
 * One row of a file through the same use-cases as the forms: an existing NIK in scope is updated
 * (or counted unchanged), a new one is created; anything refused is reported with its reason.
 */
export async function processRow(
  ctx: Ctx,
  map: ColumnMap,
  fields: Partial<Record<keyof WorkerInput, string>>,
  defaultVillage: string | undefined,
): Promise<RowResult> {
  try {
    const existing = fields.nik
      ? await findWorkerByNik(ctx.db, normaliseNik(fields.nik))
      : undefined;
    if (existing) {
      if (!isWithinScope(ctx.actor, existing.villageCode)) {
        return {
          outcome: 'rejected',
          reason: 'NIK ini sudah terdaftar di wilayah lain (di luar wilayah kerja Anda).',
        };
      }
      const { detail, changed } = await patchWorker(ctx, existing.id, fields as WorkerInput);
      return {
        outcome: changed ? 'updated' : 'unchanged',
        warned: changed && detail.warningCount > 0,
      };
    }
    if (map.layout === 'minimal') return { outcome: 'rejected', reason: NEW_WORKER_NEEDS };
    const village = fields.villageCode ?? defaultVillage;
    const created = await createWorker(ctx, {
      ...(fields as WorkerInput),
      ...(village ? { villageCode: village } : {}),
    });
    return { outcome: 'created', warned: created.warningCount > 0 };
  } catch (e) {
    return { outcome: 'rejected', reason: reasonOf(e) };
  }
}
