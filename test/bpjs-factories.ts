import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { enrollment } from '../src/core/db/schema/programs.ts';
import type { EnrollmentStatus } from '../src/core/rules/enrollment-status.ts';
import { createWorker, type WorkerInput } from '../src/core/modules/workers/index.ts';
import type { TestDatabase } from './test-db.ts';

let serial = 0;

/** A valid NIK of the village's district for a birth date (women add 40 to the day). */
export function nikFor(villageCode: string, birthDate = '1985-07-01', sex: 'L' | 'P' = 'P') {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  serial += 1;
  return `${villageCode.slice(0, 8).replace(/\./g, '')}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(8000 + serial).padStart(4, '0')}`;
}

/** A worker registered through the use-case (as the system). */
export async function aWorker(
  tdb: TestDatabase,
  fullName: string,
  villageCode: string,
  more: Partial<WorkerInput> = {},
): Promise<{ id: string; nik: string }> {
  const birthDate = more.birthDate ?? '1985-07-01';
  const sex = more.sex ?? 'P';
  const nik = more.nik ?? nikFor(villageCode, birthDate, sex);
  const w = await createWorker(tdb.ctx(), {
    nik,
    fullName,
    birthDate,
    sex,
    villageCode,
    occupationCode: 9,
    ...more,
  });
  return { id: w.id, nik };
}

/**
 * An enrollment row written straight into the database in the given status (the proposal and
 * approval use-cases are tested on their own): 2027 by default.
 */
export async function anEnrollment(
  tdb: TestDatabase,
  values: {
    programId: string;
    workerId: string;
    villageCode: string;
    status: EnrollmentStatus;
    firstMonth?: string;
    lastMonth?: string;
    kpj?: string;
    effectiveDate?: string;
    batchId?: string;
  },
): Promise<string> {
  const [row] = await tdb.database.db
    .insert(enrollment)
    .values({ firstMonth: '2027-01-01', lastMonth: '2027-12-01', proposedBy: 'tes', ...values })
    .returning({ id: enrollment.id });
  return row!.id;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-bpjs-test-'));
}

/** An answer file as the branch would send it: XLSX (first sheet) or CSV with `;` or `,`. */
export async function writeAnswer(
  file: string,
  headers: string[],
  rows: (string | number | Date | null)[][],
  csvSeparator = ',',
): Promise<string> {
  if (file.endsWith('.csv')) {
    const quote = (v: string | number | Date | null) => {
      const s =
        v === null || v === undefined
          ? ''
          : v instanceof Date
            ? v.toISOString().slice(0, 10)
            : String(v);
      return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    fs.writeFileSync(
      file,
      [headers, ...rows].map((r) => r.map(quote).join(csvSeparator)).join('\r\n') + '\r\n',
    );
    return file;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Jawaban');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The first sheet of an XLSX as rows of text (the header first). */
export async function readXlsx(data: Buffer | string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  if (typeof data === 'string') await workbook.xlsx.readFile(data);
  else await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const out: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    out.push(
      Array.from({ length: sheet.columnCount }, (_, i) => {
        const v = values[i];
        if (v === null || v === undefined) return '';
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
      }),
    );
  });
  return out;
}
