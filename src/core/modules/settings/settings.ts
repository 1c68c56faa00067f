import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { actorName } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { setting } from '../../db/schema/settings.ts';
import { parseOrThrow } from '../../validation.ts';
import { DEFAULT_PRIVACY, PrivacySettingsInput, type PrivacySettings } from './settings.schema.ts';

const PRIVACY = 'privacy';

async function readPrivacy(db: Db): Promise<PrivacySettings> {
  const [row] = await db.select().from(setting).where(eq(setting.key, PRIVACY));
  const value = row ? PrivacySettingsInput.safeParse(row.value) : undefined;
  return {
    ...(value?.success ? value.data : DEFAULT_PRIVACY),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export async function getPrivacySettings(ctx: Ctx): Promise<PrivacySettings> {
  requirePermission(ctx.actor, 'settings.read');
  return readPrivacy(ctx.db);
}

export async function updatePrivacySettings(
  ctx: Ctx,
  raw: PrivacySettingsInput,
): Promise<PrivacySettings> {
  requirePermission(ctx.actor, 'settings.update');
  const input = parseOrThrow(PrivacySettingsInput, raw, 'Pengaturan tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const before = await readPrivacy(tx);
    await tx
      .insert(setting)
      .values({ key: PRIVACY, value: input, updatedBy: actorName(ctx.actor) })
      .onConflictDoUpdate({
        target: setting.key,
        set: { value: input, updatedBy: actorName(ctx.actor), updatedAt: sql`now()` },
      });
    await recordAudit(tx, ctx, {
      action: 'settings.update',
      entity: 'setting',
      entityId: PRIVACY,
      before: { lawfulBasis: before.lawfulBasis, retentionMonths: before.retentionMonths },
      after: input,
    });
    return readPrivacy(tx);
  });
}
