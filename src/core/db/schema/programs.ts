import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { worker } from './workers.ts';

/** A PostgreSQL daterange, read as its text form ("[2026-01-01,2027-01-01)"). */
const daterange = customType<{ data: string }>({ dataType: () => 'daterange' });

/** Who may be enrolled in a program (issue #5): checked when proposing, with reasons. */
export interface Eligibility {
  /** Age in whole years on the first day of the coverage period (default 15–65). */
  minAge: number;
  maxAge: number;
  /** Empty: every segment. */
  segments: string[];
  /** Empty: every occupation a BPU worker may have. */
  occupations: number[];
  /** Highest welfare decile (P3KE/DTSEN) admitted; null: no limit. */
  maxDecile: number | null;
}

/**
 * How the seats are set: the same number for every village of the owner region, an explicit
 * number per village (typed or from XLSX), or as many full seats as a budget per village buys.
 */
export interface QuotaRule {
  rule: 'per_village' | 'explicit' | 'budget_per_village';
  seats?: number;
  budgetPerVillage?: number;
  /** desa, kelurahan, desa_adat: which villages of the owner region take part. */
  villageKinds: string[];
}

/**
 * A program: who pays (funder type, budget reference) for which months and package, for which
 * workers, with which seats. draft → active → closed, each step audited.
 */
export const program = pgTable(
  'program',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The province, regency or village that runs it: its scope key. */
    ownerRegion: text('owner_region').notNull(),
    funderType: text('funder_type').notNull(),
    budgetReference: text('budget_reference'),
    fiscalYear: smallint('fiscal_year').notNull(),
    /** First day of the first and of the last month covered. */
    firstMonth: date('first_month', { mode: 'string' }).notNull(),
    lastMonth: date('last_month', { mode: 'string' }).notNull(),
    package: text('package').array().notNull(),
    declaredIncome: bigint('declared_income', { mode: 'number' }).notNull().default(1_000_000),
    eligibility: jsonb('eligibility').$type<Eligibility>().notNull(),
    quota: jsonb('quota').$type<QuotaRule>().notNull(),
    /** Whether the district verifies village proposals before the regency approves. */
    districtStep: boolean('district_step').notNull().default(true),
    status: text('status', { enum: ['draft', 'active', 'closed'] })
      .notNull()
      .default('draft'),
    /** The program this one follows (a cohort, or "renew" of last year's). */
    previousId: uuid('previous_id'),
    createdBy: text('created_by').notNull(),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('program_owner_idx').on(t.ownerRegion, t.status)],
);

/** Seats of a program per village; every level above is the sum of these (roll-up by prefix). */
export const programAllocation = pgTable(
  'program_allocation',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => program.id),
    villageCode: text('village_code').notNull(),
    seats: integer('seats').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.villageCode] }),
    index('program_allocation_village_idx').on(t.villageCode),
  ],
);

/**
 * A worker's seat in a program for a run of months. The database refuses two seats of one worker
 * whose months overlap, in any programs (an exclusion constraint, migration 0009), unless the
 * enrollment is out of the running (rejected, returned, withdrawn).
 *
 * proposed → verified (district; skipped when the program has no district step) → approved
 * (regency) → sent (in a BPJS batch) → active (accepted, from the effective date) → ended (death,
 * moved, ineligible, end of period); `returned` (sent back with a reason at any step before BPJS),
 * `rejected` (by BPJS, with the reason), `withdrawn` (by the village before approval).
 */
export const enrollment = pgTable(
  'enrollment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => program.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => worker.id),
    /** The worker's village when proposed: the seat's village (scope key). */
    villageCode: text('village_code').notNull(),
    status: text('status', {
      enum: [
        'proposed',
        'verified',
        'approved',
        'sent',
        'active',
        'ended',
        'returned',
        'rejected',
        'withdrawn',
      ],
    }).notNull(),
    firstMonth: date('first_month', { mode: 'string' }).notNull(),
    lastMonth: date('last_month', { mode: 'string' }).notNull(),
    /** [first day of first month, first day after the last month): what the constraint compares. */
    months: daterange('months')
      .notNull()
      .generatedAlwaysAs(
        sql`daterange(first_month, (last_month + interval '1 month')::date, '[)')`,
      ),
    /** Why it was returned, rejected or ended. */
    reason: text('reason'),
    /** The enrollment whose freed seat this one takes (replacement, mutasi). */
    replacesId: uuid('replaces_id'),
    batchId: uuid('batch_id'),
    kpj: text('kpj'),
    effectiveDate: date('effective_date', { mode: 'string' }),
    endedFrom: date('ended_from', { mode: 'string' }),
    proposedBy: text('proposed_by').notNull(),
    proposedById: uuid('proposed_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enrollment_program_village_idx').on(t.programId, t.villageCode, t.status),
    index('enrollment_worker_idx').on(t.workerId),
    index('enrollment_village_idx').on(t.villageCode, t.status),
    index('enrollment_batch_idx').on(t.batchId),
    index('enrollment_kpj_idx')
      .on(t.kpj)
      .where(sql`${t.kpj} IS NOT NULL`),
    // the seat an ended enrollment left, and who took it (mutasi)
    index('enrollment_replaces_idx')
      .on(t.replacesId)
      .where(sql`${t.replacesId} IS NOT NULL`),
  ],
);

/** An export of approved enrollments to the BPJS branch, in a versioned layout. */
export const bpjsBatch = pgTable('bpjs_batch', {
  id: uuid('id').primaryKey().defaultRandom(),
  programId: uuid('program_id')
    .notNull()
    .references(() => program.id),
  /** The region the batch covers (the exporting user's scope inside the program's owner region). */
  regionCode: text('region_code').notNull(),
  layoutVersion: smallint('layout_version').notNull(),
  rows: integer('rows').notNull(),
  createdBy: text('created_by').notNull(),
  createdById: uuid('created_by_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One answer file of the BPJS branch, with what became of each row. */
export const bpjsResultImport = pgTable('bpjs_result_import', {
  id: uuid('id').primaryKey().defaultRandom(),
  programId: uuid('program_id')
    .notNull()
    .references(() => program.id),
  fileName: text('file_name').notNull(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  createdBy: text('created_by').notNull(),
  createdById: uuid('created_by_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const bpjsResultRow = pgTable(
  'bpjs_result_row',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => bpjsResultImport.id),
    line: integer('line').notNull(),
    /** accepted, rejected (by BPJS), or a row that could not be applied: unknown_nik, duplicate, conflict, invalid. */
    outcome: text('outcome').notNull(),
    nik: text('nik'),
    enrollmentId: uuid('enrollment_id'),
    message: text('message'),
    cells: jsonb('cells').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);
