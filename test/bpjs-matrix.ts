import fs from 'node:fs';
import path from 'node:path';
import { exportBatch, importResults } from '../src/core/modules/bpjs/index.ts';
import { aUser } from './factories.ts';
import { aProgram } from './program-factories.ts';
import { aWorker, anEnrollment, tempDir } from './bpjs-factories.ts';
import type { TestDatabase } from './test-db.ts';

type Where = 'in' | 'out';

/**
 * Objects for the access matrix (test/route-access.test.ts) of the BPJS exchange, replacement and
 * continuity routes, in Kabupaten Bungo (in) and Kabupaten Sijunjung (out). Routes that change
 * state take a fresh object per call from a pool. Years from 2040 on: replacements cannot start in
 * the past, whenever the test runs.
 */
export interface BpjsMatrix {
  program: Record<Where, string>;
  exportPrograms: Record<Where, string[]>;
  batch: Record<Where, string>;
  result: Record<Where, string>;
  endable: Record<Where, { id: string; from: string }[]>;
  replaceable: Record<Where, { id: string; nik: string }[]>;
  renewable: Record<Where, string[]>;
}

const CALLS = 10;
const year = (y: number) => ({
  firstMonth: `${y}-01-01`,
  lastMonth: `${y}-12-01`,
  fiscalYear: y,
});

export async function seedBpjsMatrix(
  tdb: TestDatabase,
  villages: Record<Where, string>,
): Promise<BpjsMatrix> {
  const m: BpjsMatrix = {
    program: { in: '', out: '' },
    exportPrograms: { in: [], out: [] },
    batch: { in: '', out: '' },
    result: { in: '', out: '' },
    endable: { in: [], out: [] },
    replaceable: { in: [], out: [] },
    renewable: { in: [], out: [] },
  };
  const dir = tempDir();
  const answer = path.join(dir, 'jawaban.csv');
  fs.writeFileSync(answer, 'nik,hasil\n1508010101900001,diterima\n');
  for (const where of ['in', 'out'] as const) {
    const village = villages[where];
    const owner = village.slice(0, 5);
    const seats = { [village]: 50 };
    const person = (name: string) => aWorker(tdb, name, village, { birthDate: '1990-04-12' });
    const sent = await person(`Matriks Kirim ${where}`);
    const program = await aProgram(tdb, {
      name: `Matriks BPJS ${where}`,
      ownerRegion: owner,
      ...year(2040),
      seats,
    });
    m.program[where] = program.id;
    await anEnrollment(tdb, {
      ...year(2040),
      programId: program.id,
      workerId: sent.id,
      villageCode: village,
      status: 'approved',
    });
    m.batch[where] = (await exportBatch(tdb.ctx(), program.id)).id;
    const officer = await aUser(tdb, { role: 'bpjs_officer', scope: [owner] });
    m.result[where] = (
      await importResults(tdb.ctx(officer.actor), program.id, {
        path: answer,
        fileName: 'jawaban.csv',
      })
    ).id;
    // one approved seat per export call, the same worker in another year each time
    for (let i = 0; i < CALLS; i++) {
      const p = await aProgram(tdb, {
        name: `Matriks kirim ${where} ${i}`,
        ownerRegion: owner,
        ...year(2041 + i),
        seats,
      });
      await anEnrollment(tdb, {
        ...year(2041 + i),
        programId: p.id,
        workerId: sent.id,
        villageCode: village,
        status: 'approved',
      });
      m.exportPrograms[where].push(p.id);
      m.renewable[where].push(
        (
          await aProgram(tdb, {
            name: `Matriks perpanjang ${where} ${i}`,
            ownerRegion: owner,
            ...year(2060 + i),
          })
        ).id,
      );
    }
    // seats to end (active) and seats ended with a worker of the village ready to take them
    const seatProgram = await aProgram(tdb, {
      name: `Matriks mutasi ${where}`,
      ownerRegion: owner,
      ...year(2040),
      seats,
    });
    for (let i = 0; i < CALLS; i++) {
      const holder = await person(`Matriks Aktif ${where} ${i}`);
      m.endable[where].push({
        id: await anEnrollment(tdb, {
          ...year(2040),
          programId: seatProgram.id,
          workerId: holder.id,
          villageCode: village,
          status: 'active',
        }),
        from: '2040-03-15',
      });
      const gone = await person(`Matriks Pindah ${where} ${i}`);
      const next = await person(`Matriks Pengganti ${where} ${i}`);
      m.replaceable[where].push({
        id: await anEnrollment(tdb, {
          programId: seatProgram.id,
          workerId: gone.id,
          villageCode: village,
          status: 'ended',
          firstMonth: '2040-01-01',
          lastMonth: '2040-02-01',
        }),
        nik: next.nik,
      });
    }
  }
  return m;
}
