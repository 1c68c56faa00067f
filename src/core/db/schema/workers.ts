import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
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
    /** The day a worker moved out of the village (life status `moved`). */
    movedDate: date('moved_date', { mode: 'string' }),
    /** Set when a possible duplicate was merged into another worker: this record is kept, hidden. */
    mergedInto: uuid('merged_into'),
    kpj: text('kpj'),
    warnings: jsonb('warnings').$type<StoredWarning[]>().notNull().default([]),
    /** Unconfirmed warnings, kept beside the list for filtering a million rows. */
    openWarnings: smallint('open_warnings').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('worker_village_idx').on(t.villageCode, t.nameKey),
    // the BPJS answer import finds workers by the KPJ the branch gave (only those that have one)
    index('worker_kpj_idx')
      .on(t.kpj)
      .where(sql`${t.kpj} IS NOT NULL`),
    index('worker_name_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('worker_dup_idx').on(t.nameKey, t.birthDate),
  ],
);

/** The people a death benefit goes to (DOMAIN §7): name, NIK, relationship, phone. */
export const workerHeir = pgTable(
  'worker_heir',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => worker.id),
    name: text('name').notNull(),
    nik: text('nik'),
    relationship: text('relationship', {
      enum: ['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'],
    }).notNull(),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_heir_worker_idx').on(t.workerId)],
);

/** Children of a worker, for the scholarship benefit (DOMAIN §7). */
export const workerChild = pgTable(
  'worker_child',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => worker.id),
    name: text('name').notNull(),
    nik: text('nik'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    schoolLevel: text('school_level', {
      enum: ['none', 'tk', 'sd', 'smp', 'sma', 'pt'],
    }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_child_worker_idx').on(t.workerId)],
);

/**
 * A regency admin's decision on a possible duplicate pair (same name key and birth date, other
 * NIK, same regency): `different` people, or `merged` (the second kept hidden, merged into `keptId`).
 * The pair is stored once, lower id first.
 */
export const workerDuplicateDecision = pgTable(
  'worker_duplicate_decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerA: uuid('worker_a')
      .notNull()
      .references(() => worker.id),
    workerB: uuid('worker_b')
      .notNull()
      .references(() => worker.id),
    decision: text('decision', { enum: ['different', 'merged'] }).notNull(),
    keptId: uuid('kept_id').references(() => worker.id),
    regencyCode: text('regency_code').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedById: uuid('decided_by_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('worker_duplicate_pair_uq').on(t.workerA, t.workerB),
    check('worker_duplicate_order_ck', sql`${t.workerA} < ${t.workerB}`),
  ],
);

/**
 * A receiving village asks for a worker who moved in (the worker is registered elsewhere): a
 * regency admin of the worker's regency or of the receiving one approves (the worker moves, with
 * history) or refuses it with a reason.
 */
export const workerMoveRequest = pgTable(
  'worker_move_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => worker.id),
    fromVillage: text('from_village').notNull(),
    toVillage: text('to_village').notNull(),
    reason: text('reason'),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'withdrawn'] })
      .notNull()
      .default('pending'),
    requestedBy: text('requested_by').notNull(),
    requestedById: uuid('requested_by_id'),
    decidedBy: text('decided_by'),
    decidedById: uuid('decided_by_id'),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('worker_move_request_to_idx').on(t.toVillage, t.status),
    index('worker_move_request_from_idx').on(t.fromVillage, t.status),
    index('worker_move_request_worker_idx').on(t.workerId),
  ],
);
