import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Settings an administrator changes at run time, one JSON value per key (validated by zod on read). */
export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});
