import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. A trigger (migration 0001) refuses UPDATE and DELETE on this table.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    regionCode: text('region_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    // BRIN: records arrive in time order, so a block-range index finds a period as well as a
    // B-tree here and costs next to nothing on each insert (measured: bench audit).
    index('audit_log_at_brin').using('brin', t.at),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_region_idx').using('btree', t.regionCode.op('text_pattern_ops')),
  ],
);
