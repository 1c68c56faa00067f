import { statusLabel, transition } from '../../rules/enrollment-status.ts';
import { maskKpj } from '../../rules/personal-data.ts';
import { digitsOf, parseAnswerDate, parseResult } from './bpjs-layout.ts';
import type { EnrollmentHit, WorkerHit } from './bpjs.repository.ts';
import type { ResultOutcome } from './bpjs.schema.ts';
import { longDate } from '../../rules/indonesian.ts';

/** The columns of the answer file the import reads, by position (-1: not in the file). */
export interface AnswerColumns {
  enrollmentId: number;
  nik: number;
  name: number;
  result: number;
  reason: number;
  kpj: number;
  effectiveDate: number;
}

/** A row of the answer as read: each value parsed, or null when it is malformed. */
export interface Answer {
  line: number;
  cells: string[];
  nik: string | null;
  name: string | null;
  enrollmentId: string | null;
  result: 'accepted' | 'rejected' | null;
  /** The result cell as written (empty: the branch has not answered the row). */
  resultText: string;
  kpj: string | null;
  effectiveDate: string | null;
  reason: string;
}

export type Change =
  | {
      kind: 'accept';
      enrollmentId: string;
      workerId: string;
      kpj: string;
      effectiveDate: string;
      /** The seat's first month, moved to the effective date's month when that is later. */
      firstMonth: string;
      startMoved: boolean;
      workerHasKpj: boolean;
    }
  | { kind: 'reject'; enrollmentId: string; reason: string };

export interface Decision {
  outcome: ResultOutcome;
  message: string | null;
  enrollmentId: string | null;
  change?: Change;
}

const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');

export function readAnswer(line: number, cells: string[], cols: AnswerColumns): Answer {
  const nik = digitsOf(cell(cells, cols.nik));
  const kpj = digitsOf(cell(cells, cols.kpj));
  const id = cell(cells, cols.enrollmentId);
  return {
    line,
    cells,
    nik: /^\d{16}$/.test(nik) ? nik : null,
    name: cell(cells, cols.name) || null,
    enrollmentId: id || null,
    result: parseResult(cell(cells, cols.result)),
    resultText: cell(cells, cols.result),
    kpj: /^\d{11}$/.test(kpj) ? kpj : null,
    effectiveDate: parseAnswerDate(cell(cells, cols.effectiveDate)),
    reason: cell(cells, cols.reason),
  };
}

const notApplied = (
  outcome: ResultOutcome,
  message: string,
  enrollmentId: string | null = null,
) => ({
  outcome,
  message,
  enrollmentId,
});

const hasResult = (a: Answer) => a.resultText !== '';

/** What can be said of a row before looking anything up (NIK, result and its values). */
export function checkAnswer(a: Answer, hasNik: boolean): Decision | null {
  if (!a.nik) return notApplied('invalid', hasNik ? 'NIK harus 16 digit angka.' : 'NIK kosong.');
  if (!a.result)
    return notApplied(
      'invalid',
      hasResult(a)
        ? 'Kolom hasil harus "diterima" atau "ditolak".'
        : 'Kolom hasil kosong: BPJS belum menjawab baris ini.',
    );
  if (a.result === 'accepted') {
    if (!a.kpj) return notApplied('invalid', 'Nomor KPJ harus 11 digit angka.');
    if (!a.effectiveDate)
      return notApplied(
        'invalid',
        'Tanggal efektif wajib diisi dengan format TTTT-BB-HH atau HH-BB-TTTT.',
      );
  } else if (!a.reason) {
    return notApplied('invalid', 'Alasan penolakan wajib diisi.');
  }
  return null;
}

/** The last day of the month a `YYYY-MM-01` date starts. */
function monthEnd(firstDay: string): string {
  const [y, m] = firstDay.split('-').map(Number);
  return new Date(Date.UTC(y!, m, 0)).toISOString().slice(0, 10);
}

/** The enrollment a row answers: the one named by id, else the one waiting for an answer. */
function pick(a: Answer, list: EnrollmentHit[]): EnrollmentHit | 'mismatch' {
  if (a.enrollmentId) return list.find((e) => e.id === a.enrollmentId) ?? 'mismatch';
  return (
    list.find((e) => e.status === 'sent') ??
    list.find((e) => e.status === 'active') ??
    list.find((e) => e.status === 'rejected') ??
    list[0]!
  );
}

export interface Facts {
  /** The worker of the NIK, when the actor may know of them (see importResults). */
  worker: WorkerHit | undefined;
  enrollments: EnrollmentHit[];
  /** Workers that hold the row's KPJ already (on the worker or an enrollment, or earlier in the file). */
  kpjHolders: ReadonlySet<string>;
}

/** What to do with a well-formed row, given what the database holds (locked). */
export function decideAnswer(a: Answer & { nik: string }, facts: Facts): Decision {
  const { worker, enrollments } = facts;
  if (!worker)
    return notApplied('unknown_nik', 'NIK tidak terdaftar di Jaring untuk wilayah Anda.');
  if (enrollments.length === 0)
    return notApplied('not_in_program', 'NIK ini tidak ada dalam program ini di wilayah Anda.');
  const e = pick(a, enrollments);
  if (e === 'mismatch')
    return notApplied('conflict', 'id_kepesertaan tidak cocok dengan NIK ini di program ini.');
  const id = e.id;
  if (e.status === 'active') {
    if (a.result === 'rejected')
      return notApplied('conflict', 'Peserta ini sudah aktif; penolakan tidak diterapkan.', id);
    if (e.kpj !== a.kpj)
      return notApplied(
        'conflict',
        `Peserta ini sudah aktif dengan KPJ lain (${maskKpj(e.kpj ?? '')}).`,
        id,
      );
    if (e.effectiveDate !== a.effectiveDate)
      return notApplied('conflict', `Peserta ini sudah aktif sejak ${e.effectiveDate}.`, id);
    return {
      outcome: 'unchanged',
      message: 'Sudah aktif dengan KPJ dan tanggal yang sama.',
      enrollmentId: id,
    };
  }
  if (e.status === 'rejected') {
    if (a.result === 'rejected' && a.reason === e.reason)
      return {
        outcome: 'unchanged',
        message: 'Sudah ditolak dengan alasan yang sama.',
        enrollmentId: id,
      };
    return notApplied(
      'conflict',
      `Peserta ini sudah ditolak BPJS sebelumnya: ${e.reason ?? '-'}.`,
      id,
    );
  }
  if (e.status === 'ended') return notApplied('conflict', 'Kepesertaan ini sudah berakhir.', id);
  if (!transition('accept', true).from.includes(e.status))
    return notApplied(
      'not_in_program',
      `Peserta ini belum dikirim ke BPJS (status: ${statusLabel(e.status)}).`,
      id,
    );
  if (a.result === 'rejected')
    return {
      outcome: 'rejected',
      message: a.reason,
      enrollmentId: id,
      change: { kind: 'reject', enrollmentId: id, reason: a.reason },
    };
  const kpj = a.kpj!;
  const effectiveDate = a.effectiveDate!;
  if ([...facts.kpjHolders].some((w) => w !== worker.id))
    return notApplied('conflict', 'Nomor KPJ ini sudah tercatat untuk pekerja lain.', id);
  const end = monthEnd(e.lastMonth);
  if (effectiveDate > end)
    return notApplied(
      'invalid',
      `Tanggal efektif ${longDate(effectiveDate)} sesudah akhir masa kepesertaan (${longDate(end)}).`,
      id,
    );
  if (effectiveDate < e.firstMonth)
    return notApplied(
      'invalid',
      `Tanggal efektif ${longDate(effectiveDate)} sebelum awal masa kepesertaan (${longDate(e.firstMonth)}): periksa tanggalnya.`,
      id,
    );
  // DOMAIN §5/§6: protection starts when the registration is accepted, so the seat's months (what
  // the funder pays for, what the no-double-funding constraint holds) start at that month
  const effectiveMonth = `${effectiveDate.slice(0, 7)}-01`;
  const firstMonth = effectiveMonth > e.firstMonth ? effectiveMonth : e.firstMonth;
  const notes = [
    ...(firstMonth !== e.firstMonth
      ? [`Aktif sejak ${effectiveDate}: bulan sebelum ${firstMonth.slice(0, 7)} tidak dibiayai.`]
      : []),
    ...(worker.kpj && worker.kpj !== kpj
      ? [`KPJ di data pekerja (${maskKpj(worker.kpj)}) berbeda dan tidak diubah.`]
      : []),
  ];
  return {
    outcome: 'accepted',
    message: notes.length > 0 ? `Diterima. ${notes.join(' ')}` : null,
    enrollmentId: id,
    change: {
      kind: 'accept',
      enrollmentId: id,
      workerId: worker.id,
      kpj,
      effectiveDate,
      firstMonth,
      startMoved: firstMonth !== e.firstMonth,
      workerHasKpj: worker.kpj !== null,
    },
  };
}
