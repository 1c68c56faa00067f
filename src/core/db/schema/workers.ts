import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { region } from './regions.ts';

export interface StoredWarning {
  code: string;
  message: string;
  confirmed: boolean;
}

/**
 * A person registered for protection (DOMAIN §4, §5). The NIK is unique nationwide. The village
 * code is the scope key: every query filters it by the actor's region prefix.
 */
export const worker = pgTable(
  'worker',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nik: text('nik').notNull().unique(),
    kk: text('kk'),
    fullName: text('full_name').notNull(),
    /** Lower case, without accents and extra spaces: for search and duplicate review. */
    nameKey: text('name_key').notNull(),
    birthPlace: text('birth_place'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex', { enum: ['L', 'P'] }).notNull(),
    villageCode: text('village_code')
      .notNull()
      .references(() => region.code),
    address: text('address'),
    dusun: text('dusun'),
    rw: text('rw'),
    rt: text('rt'),
    phone: text('phone'),
    occupationCode: smallint('occupation_code').notNull(),
    segment: text('segment').notNull(),
    welfareDecile: smallint('welfare_decile'),
    decileSource: text('decile_source'),
    decileYear: smallint('decile_year'),
    declaredIncome: bigint('declared_income', { mode: 'number' }).notNull().default(1_000_000),
    lifeStatus: text('life_status', { enum: ['alive', 'dead', 'moved'] })
      .notNull()
      .default('alive'),
    deathDate: date('death_date', { mode: 'string' }),
    kpj: text('kpj'),
    warnings: jsonb('warnings').$type<StoredWarning[]>().notNull().default([]),
    /** Unconfirmed warnings, kept beside the list for filtering a million rows. */
    openWarnings: smallint('open_warnings').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('worker_village_idx').on(t.villageCode, t.nameKey),
    index('worker_name_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('worker_dup_idx').on(t.nameKey, t.birthDate),
  ],
);
