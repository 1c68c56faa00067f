import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudit, recordAudits } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { bpjsResultImport } from '../../db/schema/programs.ts';
import { DomainError } from '../../errors.ts';
import { maskKpj } from '../../rules/personal-data.ts';
import { eq } from 'drizzle-orm';
import { readWorkerFile, type FileRow } from '../imports/read-worker-file.ts';
import { loadProgram } from '../programs/load-program.ts';
import { ANSWER_ALIASES, headerKey } from './bpjs-layout.ts';
import {
  applyAccepted,
  applyRejected,
  giveWorkersKpj,
  insertResultRows,
  kpjHolders,
  lockProgramEnrollments,
  workersByNik,
} from './bpjs.repository.ts';
import {
  HEADER_LINE_OUTCOME,
  RESULT_OUTCOMES,
  type ResultCounts,
  type ResultImport,
} from './bpjs.schema.ts';
import {
  checkAnswer,
  decideAnswer,
  readAnswer,
  type Answer,
  type AnswerColumns,
  type Change,
  type Decision,
} from './decide-answer.ts';
import { getResultImport } from './get-results.ts';

const CHUNK = 500;

/** Where the audit trail files an import: the actor's region inside the program's (else the program's). */
function auditRegion(ctx: Ctx, ownerRegion: string): string {
  if (ctx.actor.kind !== 'user') return ownerRegion;
  const inside = ctx.actor.scope.find((s) => s === ownerRegion || s.startsWith(`${ownerRegion}.`));
  return inside ?? ownerRegion;
}

function answerColumns(headers: string[]): AnswerColumns {
  const cols: AnswerColumns = {
    enrollmentId: -1,
    nik: -1,
    name: -1,
    result: -1,
    reason: -1,
    kpj: -1,
    effectiveDate: -1,
  };
  headers.forEach((h, i) => {
    const key = ANSWER_ALIASES[headerKey(h)];
    if (key && cols[key] === -1) cols[key] = i;
  });
  if (cols.nik === -1 || cols.result === -1) {
    const message = `Berkas jawaban harus memiliki kolom "nik" dan "hasil" (judul kolom yang ada: ${headers.filter(Boolean).join(', ') || '-'}).`;
    throw new DomainError('VALIDATION', message, { issues: [{ path: 'file', message }] });
  }
  return cols;
}

/** State kept across the chunks of one file: the NIKs and KPJs seen so far. */
interface FileState {
  nikLine: Map<string, number>;
  kpjWorker: Map<string, string>;
  counts: ResultCounts;
  accepted: string[];
  rejected: string[];
  /** Accepted seats whose first month moved to the effective date's month. */
  startMoved: string[];
  workersGivenKpj: string[];
}

async function runChunk(
  ctx: Ctx,
  tx: Db,
  programId: string,
  importId: string,
  chunk: FileRow[],
  cols: AnswerColumns,
  state: FileState,
): Promise<void> {
  const answers = chunk.map((r) => readAnswer(r.line, r.cells, cols));
  const decided = new Map<Answer, Decision>();
  const pending: (Answer & { nik: string })[] = [];
  for (const a of answers) {
    const early = checkAnswer(a, cols.nik >= 0 && (a.cells[cols.nik] ?? '').trim() !== '');
    const seen = a.nik ? state.nikLine.get(a.nik) : undefined;
    if (a.nik && seen === undefined) state.nikLine.set(a.nik, a.line);
    if (a.nik && seen !== undefined)
      decided.set(a, {
        outcome: 'duplicate',
        message: `NIK ini sudah ada di baris ${seen}; baris ini tidak diterapkan.`,
        enrollmentId: null,
      });
    else if (early) decided.set(a, early);
    else pending.push(a as Answer & { nik: string });
  }
  const workers = await workersByNik(
    tx,
    pending.map((a) => a.nik),
  );
  const enrollments = await lockProgramEnrollments(
    tx,
    programId,
    [...new Set([...workers.values()].map((w) => w.id))],
    ctx.actor,
  );
  const holders = await kpjHolders(tx, [
    ...new Set(pending.map((a) => a.kpj).filter((k) => k !== null)),
  ]);
  const changes: Change[] = [];
  for (const a of pending) {
    const found = workers.get(a.nik);
    const seats = found ? (enrollments.get(found.id) ?? []) : [];
    // a worker outside the actor's region with no seat of theirs here is answered as unknown:
    // the answer file must not tell who is registered elsewhere (UU 27/2022, DOMAIN §10)
    const worker =
      found && (seats.length > 0 || isWithinScope(ctx.actor, found.villageCode))
        ? found
        : undefined;
    const kpjSet = new Set(a.kpj ? (holders.get(a.kpj) ?? []) : []);
    const inFile = a.kpj ? state.kpjWorker.get(a.kpj) : undefined;
    if (inFile) kpjSet.add(inFile);
    const d = decideAnswer(a, { worker, enrollments: seats, kpjHolders: kpjSet });
    decided.set(a, d);
    if (d.change) changes.push(d.change);
    if (d.change?.kind === 'accept') state.kpjWorker.set(d.change.kpj, d.change.workerId);
  }
  const accepts = changes.filter((c) => c.kind === 'accept');
  const rejects = changes.filter((c) => c.kind === 'reject');
  await applyAccepted(
    tx,
    accepts.map((c) => ({
      id: c.enrollmentId,
      kpj: c.kpj,
      effectiveDate: c.effectiveDate,
      firstMonth: c.firstMonth,
    })),
  );
  state.startMoved.push(...accepts.filter((c) => c.startMoved).map((c) => c.enrollmentId));
  const given = await giveWorkersKpj(
    tx,
    accepts.filter((c) => !c.workerHasKpj).map((c) => ({ workerId: c.workerId, kpj: c.kpj })),
  );
  state.workersGivenKpj.push(...given.map((g) => g.id));
  // the worker's own history says where the KPJ came from (masked, as every worker record is)
  await recordAudits(
    tx,
    ctx,
    given.map((g) => ({
      action: 'workers.kpjFromBpjs',
      entity: 'worker',
      entityId: g.id,
      regionCode: g.villageCode,
      before: { kpj: null },
      after: { kpj: maskKpj(g.kpj), resultImportId: importId },
    })),
  );
  await applyRejected(
    tx,
    rejects.map((c) => ({ id: c.enrollmentId, reason: c.reason })),
  );
  state.accepted.push(...accepts.map((c) => c.enrollmentId));
  state.rejected.push(...rejects.map((c) => c.enrollmentId));
  await insertResultRows(
    tx,
    answers.map((a) => {
      const d = decided.get(a)!;
      state.counts[d.outcome] += 1;
      state.counts.total += 1;
      return {
        importId,
        line: a.line,
        outcome: d.outcome,
        nik: a.nik ?? (a.cells[cols.nik]?.trim() || null),
        enrollmentId: d.enrollmentId,
        message: d.message,
        cells: a.cells,
      };
    }),
  );
}

/**
 * Reads the branch's answer (XLSX or CSV, the exchange layout plus hasil, alasan, kpj,
 * tanggal_efektif; headers matched tolerantly) and applies each row to the program's sent
 * enrollments in the actor's region: accepted → active with the KPJ and the effective date (the
 * KPJ also on the worker who has none; nothing else of the worker changes), rejected → back to the
 * village with the reason. Every row is accounted for with an outcome and stored; the counts add
 * up. The same file twice changes nothing the second time (its rows are `unchanged`). One
 * transaction: an answer is applied whole or not at all. Audited once, with the ids it changed.
 */
export async function importResults(
  ctx: Ctx,
  programId: string,
  file: { path: string; fileName: string },
): Promise<ResultImport> {
  requirePermission(ctx.actor, 'bpjs.import');
  const program = await loadProgram(ctx, programId);
  // A closed program still takes the answer to a batch sent while it ran: BPJS registered those
  // workers, and Jaring must say so. A draft has sent nothing.
  if (program.status === 'draft')
    throw new DomainError(
      'CONFLICT',
      'Program ini masih draf: belum ada peserta yang dikirim ke BPJS.',
    );
  const source = await readWorkerFile(file.path, file.fileName);
  const cols = answerColumns(source.headers);
  const id = await ctx.db.transaction(async (tx) => {
    const [record] = await tx
      .insert(bpjsResultImport)
      .values({
        programId: program.id,
        fileName: file.fileName.slice(0, 255),
        counts: {},
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.username : ctx.actor.name,
        createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      })
      .returning();
    await insertResultRows(tx, [
      { importId: record!.id, line: 0, outcome: HEADER_LINE_OUTCOME, cells: source.headers },
    ]);
    const state: FileState = {
      nikLine: new Map(),
      kpjWorker: new Map(),
      counts: Object.fromEntries(['total', ...RESULT_OUTCOMES].map((k) => [k, 0])) as ResultCounts,
      accepted: [],
      rejected: [],
      startMoved: [],
      workersGivenKpj: [],
    };
    let chunk: FileRow[] = [];
    for await (const row of source.rows) {
      chunk.push(row);
      if (chunk.length === CHUNK) {
        await runChunk(ctx, tx, program.id, record!.id, chunk, cols, state);
        chunk = [];
      }
    }
    if (chunk.length > 0) await runChunk(ctx, tx, program.id, record!.id, chunk, cols, state);
    if (state.counts.total === 0)
      throw new DomainError('VALIDATION', 'Berkas jawaban tidak berisi baris data.');
    await tx
      .update(bpjsResultImport)
      .set({ counts: state.counts })
      .where(eq(bpjsResultImport.id, record!.id));
    await recordAudit(tx, ctx, {
      action: 'bpjs.importResults',
      entity: 'bpjs_result_import',
      entityId: record!.id,
      regionCode: auditRegion(ctx, program.ownerRegion),
      after: {
        programId: program.id,
        fileName: file.fileName,
        counts: state.counts,
        acceptedEnrollmentIds: state.accepted,
        rejectedEnrollmentIds: state.rejected,
        startMovedEnrollmentIds: state.startMoved,
        workersGivenKpj: state.workersGivenKpj,
      },
    });
    return record!.id;
  });
  return getResultImport(ctx, id);
}
