import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The Kemendagri region register (DOMAIN §3). Keyed by the official code; a code's prefixes are its
 * ancestors, so scope checks and roll-ups are prefix matches (text_pattern_ops index).
 * The counts of everything below a region are computed when the register is loaded, so that a
 * list of children with their counts is a plain index scan.
 */
export const region = pgTable(
  'region',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'regency', 'district', 'village'] }).notNull(),
    /** villages: desa | kelurahan | desa_adat; regencies: kabupaten | kota */
    kind: text('kind'),
    parentCode: text('parent_code'),
    regencyCount: integer('regency_count').notNull().default(0),
    districtCount: integer('district_count').notNull().default(0),
    villageCount: integer('village_count').notNull().default(0),
    desaCount: integer('desa_count').notNull().default(0),
    kelurahanCount: integer('kelurahan_count').notNull().default(0),
    desaAdatCount: integer('desa_adat_count').notNull().default(0),
    /** Register version that last added or changed this row. */
    sourceVersion: text('source_version').notNull(),
    /** Set when a later register no longer has this code (split, merge). Never deleted. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Children and search by code are prefix scans on the primary key, which is in the "C"
    // collation (migration 0002) so that LIKE '15.08.%' uses it. The upper levels (7,829 rows)
    // have their own small index so that listing provinces or the districts of a regency does
    // not walk the villages.
    index('region_upper_level_idx')
      .on(t.level, t.code)
      .where(sql`level <> 'village'`),
  ],
);

/** Each load of the register: which source and version, when, by whom, what changed. */
export const regionRegisterVersion = pgTable('region_register_version', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull(),
  version: text('version').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  loadedBy: text('loaded_by').notNull(),
  counts: jsonb('counts').notNull(),
});

/**
 * The local word for the village level (dusun, nagari, gampong…) set by an administrator for a
 * province or a regency. Display only: the level is never inferred from the word.
 */
export const regionLocalTerm = pgTable('region_local_term', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => region.code),
  villageTerm: text('village_term').notNull(),
  villageHeadTitle: text('village_head_title'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});
