import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { can } from '../access/require-permission.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from './record-audit.ts';

export type SensitiveField = 'nik' | 'kk' | 'kpj' | 'heirNik' | 'childNik';

/**
 * Records that a person was shown a full identifier (NIK, KPJ), so that after a breach the system
 * can say whose data a user saw (UU 27/2022: report within 3 × 24 hours). Call it in the
 * transaction that reads the value; refuses roles that may only see masked values.
 */
export async function recordSensitiveView(
  tx: Db,
  ctx: Pick<Ctx, 'actor' | 'requestId'>,
  view: { entity: string; entityId: string; regionCode: string; fields: SensitiveField[] },
): Promise<void> {
  if (!can(ctx.actor, 'personal.viewFull')) {
    throw new DomainError(
      'FORBIDDEN',
      'Peran Anda hanya dapat melihat NIK dan nomor KPJ yang disamarkan.',
    );
  }
  await recordAudit(tx, ctx, {
    action: 'personal.view',
    entity: view.entity,
    entityId: view.entityId,
    regionCode: view.regionCode,
    after: { fields: view.fields },
  });
}
