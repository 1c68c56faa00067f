import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { worker, workerMoveRequest } from '../../db/schema/workers.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  createWorker,
  decideMoveRequest,
  getWorker,
  listMoveRequests,
  listWorkers,
  requestMove,
  setLifeStatus,
  withdrawMoveRequest,
  type WorkerInput,
} from './index.ts';

let tdb: TestDatabase;
let bungo: UserFixture;
let bungo2: UserFixture;
let tebo: UserFixture;
let national: UserFixture;
let pedukunOp: UserFixture;
let rantauOp: UserFixture;
let rantauOp2: UserFixture;
let auditor: UserFixture;
let serial = 0;

const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh, Kabupaten Bungo
const LUBUK_NIUR = '15.08.01.2002';
const RANTAU_DUKU = '15.08.02.2001'; // Kecamatan Rantau Pandan, Kabupaten Bungo
const MUARA_TEBO = '15.09.01.1001'; // Kabupaten Tebo

/** A valid NIK of the village's district for a birth date (women add 40 to the day). */
function nikFor(villageCode: string, birthDate = '1985-07-01', sex: 'L' | 'P' = 'P'): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  return `${villageCode.slice(0, 8).replace(/\./g, '')}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(++serial).padStart(4, '0')}`;
}

async function aWorker(
  fullName: string,
  villageCode: string,
  more: Partial<WorkerInput> = {},
): Promise<{ id: string; nik: string }> {
  const nik = more.nik ?? nikFor(villageCode);
  const w = await createWorker(tdb.ctx(), {
    nik,
    fullName,
    birthDate: '1985-07-01',
    sex: 'P',
    villageCode,
    occupationCode: 9,
    ...more,
  });
  return { id: w.id, nik };
}

const as = (u: UserFixture) => tdb.ctx(u.actor);
const REASON = 'Menikah dan menetap di desa kami sejak Maret.';

async function audits(entity: string, entityId: string) {
  return tdb.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  bungo = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  bungo2 = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo2' });
  tebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09', username: 'dinas.tebo' });
  national = await aUser(tdb, { role: 'admin', username: 'admin.pusat' });
  pedukunOp = await aUser(tdb, {
    role: 'village_operator',
    scope: PEDUKUN,
    username: 'op.pedukun',
  });
  rantauOp = await aUser(tdb, {
    role: 'village_operator',
    scope: RANTAU_DUKU,
    username: 'op.rantau',
  });
  rantauOp2 = await aUser(tdb, { role: 'village_operator', scope: RANTAU_DUKU });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
});
afterAll(async () => tdb?.close());

describe('a receiving village asks for a worker by NIK', () => {
  it('files a request for its own village, revealing only that the NIK is registered elsewhere', async () => {
    const siti = await aWorker('Siti Aminah', PEDUKUN);
    const req = await requestMove(as(rantauOp), { nik: siti.nik, reason: REASON });
    expect(req).toMatchObject({
      status: 'pending',
      nikMasked: `${siti.nik.slice(0, 6)}xxxxxx${siti.nik.slice(12)}`,
      workerId: null,
      workerName: null,
      fromVillage: null,
      fromVillageName: null,
      toVillage: RANTAU_DUKU,
      toVillageName: 'Rantau Duku',
      toDistrictName: 'Rantau Pandan',
      reason: REASON,
      requestedBy: 'op.rantau',
      decidedBy: null,
      canDecide: false,
      canWithdraw: true,
    });
    expect(JSON.stringify(req)).not.toContain(siti.nik);
    expect(JSON.stringify(req)).not.toContain('Siti');
    expect(JSON.stringify(req)).not.toContain('Pedukun');
    const [row] = await tdb.database.db
      .select()
      .from(workerMoveRequest)
      .where(eq(workerMoveRequest.id, req.id));
    expect(row).toMatchObject({
      workerId: siti.id,
      fromVillage: PEDUKUN,
      toVillage: RANTAU_DUKU,
      status: 'pending',
      requestedById: rantauOp.me.id,
    });
    const [audit] = await audits('worker_move_request', req.id);
    expect(audit).toMatchObject({
      action: 'workers.requestMove',
      actorName: 'op.rantau',
      regionCode: RANTAU_DUKU,
      after: { workerId: siti.id, fromVillage: PEDUKUN, toVillage: RANTAU_DUKU, status: 'pending' },
    });
    expect(JSON.stringify(audit!.after)).not.toContain(siti.nik);
    // the worker itself is untouched until a regency admin decides
    expect((await getWorker(tdb.ctx(), siti.id)).villageCode).toBe(PEDUKUN);
  });

  it('refuses a NIK that is malformed, unknown, or already in the receiving village', async () => {
    await expect(requestMove(as(rantauOp), { nik: '1508', reason: REASON })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'NIK harus 16 digit angka.',
    });
    await expect(
      requestMove(as(rantauOp), { nik: nikFor(PEDUKUN), reason: REASON }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('NIK ini belum terdaftar di Jaring'),
      details: { issues: [{ path: 'nik' }] },
    });
    const local = await aWorker('Nur Aini', RANTAU_DUKU);
    await expect(
      requestMove(as(rantauOp), { nik: local.nik, reason: REASON }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Pekerja dengan NIK ini sudah terdaftar di desa tujuan; tidak perlu dipindahkan.',
    });
    await expect(requestMove(as(rantauOp), { nik: local.nik, reason: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Tuliskan alasan pindah, minimal 5 karakter.',
    });
  });

  it('refuses a merged worker, a dead worker, and a second pending request', async () => {
    const kept = await aWorker('Rahmat Hidayat', PEDUKUN);
    const merged = await aWorker('Rahmat Hidayat', LUBUK_NIUR);
    await tdb.database.db
      .update(worker)
      .set({ mergedInto: kept.id })
      .where(eq(worker.id, merged.id));
    await expect(
      requestMove(as(rantauOp), { nik: merged.nik, reason: REASON }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('sudah digabungkan ke data pekerja lain'),
    });
    const dead = await aWorker('Sri Wahyuni', PEDUKUN);
    await setLifeStatus(tdb.ctx(), dead.id, { status: 'dead', date: '2024-02-01' });
    await expect(
      requestMove(as(rantauOp), { nik: dead.nik, reason: REASON }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('tercatat sudah meninggal dunia'),
    });
    await requestMove(as(rantauOp), { nik: kept.nik, reason: REASON });
    await expect(
      requestMove(as(rantauOp2), { nik: kept.nik, reason: REASON }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Sudah ada permintaan pindah untuk NIK ini yang masih menunggu keputusan admin kabupaten/kota.',
    });
    // another village asking for the same worker meanwhile is refused the same way
    await expect(
      requestMove(as(bungo), { nik: kept.nik, toVillage: LUBUK_NIUR, reason: REASON }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('takes the receiving village from the request only inside the own scope', async () => {
    const w = await aWorker('Dewi Lestari', PEDUKUN);
    await expect(
      requestMove(as(rantauOp), { nik: w.nik, toVillage: LUBUK_NIUR, reason: REASON }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `Desa/kelurahan ${LUBUK_NIUR} di luar wilayah kerja Anda.`,
    });
    await expect(requestMove(as(bungo), { nik: w.nik, reason: REASON })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Pilih desa/kelurahan tujuan pindah.',
    });
    await expect(
      requestMove(as(bungo), { nik: w.nik, toVillage: '15.08.02', reason: REASON }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Desa/kelurahan 15.08.02 tidak ada dalam daftar wilayah yang berlaku.',
    });
    await expect(requestMove(as(auditor), { nik: w.nik, reason: REASON })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const byAdmin = await requestMove(as(bungo), {
      nik: w.nik,
      toVillage: '15.08.02.2001',
      reason: REASON,
    });
    // a regency admin of the worker's own regency sees who it is
    expect(byAdmin).toMatchObject({
      toVillage: RANTAU_DUKU,
      workerName: 'Dewi Lestari',
      fromVillageName: 'Pedukun',
      canDecide: true,
      canWithdraw: true,
    });
    await withdrawMoveRequest(as(bungo), byAdmin.id);
  });
});

describe('who sees a request', () => {
  let reqId = '';
  beforeAll(async () => {
    // a Bungo↔Bungo request: Pedukun (Tanah Tumbuh) → Rantau Duku (Rantau Pandan)
    const w = await aWorker('Wulan Sari', PEDUKUN);
    reqId = (await requestMove(as(rantauOp), { nik: w.nik, reason: REASON })).id;
  });
  const idsOf = async (u: UserFixture, status?: 'pending' | 'approved') =>
    (await listMoveRequests(as(u), status ? { status } : {})).items.map((r) => r.id);

  it('both sides: the receiving and the sending village, and the regency admin', async () => {
    expect(await idsOf(rantauOp)).toContain(reqId);
    expect(await idsOf(pedukunOp)).toContain(reqId);
    expect(await idsOf(bungo)).toContain(reqId);
    expect(await idsOf(national)).toContain(reqId);
    const origin = (await listMoveRequests(as(pedukunOp), {})).items.find((r) => r.id === reqId)!;
    // the sending village knows its worker; it may not decide or withdraw
    expect(origin).toMatchObject({
      workerName: 'Wulan Sari',
      fromVillageName: 'Pedukun',
      fromDistrictName: 'Tanah Tumbuh',
      canDecide: false,
      canWithdraw: false,
    });
    expect(origin.workerId).not.toBeNull();
    const admin = (await listMoveRequests(as(bungo), {})).items.find((r) => r.id === reqId)!;
    expect(admin).toMatchObject({ workerName: 'Wulan Sari', canDecide: true, canWithdraw: false });
    const receiving = (await listMoveRequests(as(rantauOp), {})).items.find((r) => r.id === reqId)!;
    expect(receiving).toMatchObject({ workerName: null, workerId: null, fromVillage: null });
  });

  it('a Tebo admin sees nothing of a Bungo↔Bungo request and cannot touch it', async () => {
    const list = await listMoveRequests(as(tebo), {});
    expect(list).toMatchObject({ total: 0, items: [] });
    await expect(decideMoveRequest(as(tebo), reqId, { approve: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Permintaan pindah tidak ditemukan.',
    });
    await expect(withdrawMoveRequest(as(tebo), reqId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(decideMoveRequest(as(bungo), 'bukan-id', { approve: true })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
  });

  it('lists pending requests first, filters by status and pages', async () => {
    const pending = await listMoveRequests(as(bungo), { status: 'pending', pageSize: 2 });
    expect(pending.items.every((r) => r.status === 'pending')).toBe(true);
    expect(pending.items).toHaveLength(2);
    expect(pending.total).toBeGreaterThan(2);
    const all = await listMoveRequests(as(bungo), {});
    const statuses = all.items.map((r) => r.status);
    expect(statuses.lastIndexOf('pending')).toBeLessThan(statuses.indexOf('withdrawn'));
    await expect(
      listMoveRequests(as(bungo), { status: 'lost' as 'pending' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(listMoveRequests(as(auditor), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a request across regencies shows on both regencies, and either admin may decide it', async () => {
    const w = await aWorker('Ahmad Fauzi', MUARA_TEBO, { sex: 'L' });
    const req = await requestMove(as(rantauOp), { nik: w.nik, reason: REASON });
    const onTebo = (await listMoveRequests(as(tebo), {})).items;
    expect(onTebo.map((r) => r.id)).toEqual([req.id]);
    expect(onTebo[0]).toMatchObject({ workerName: 'Ahmad Fauzi', canDecide: true });
    const onBungo = (await listMoveRequests(as(bungo), {})).items.find((r) => r.id === req.id)!;
    expect(onBungo).toMatchObject({
      workerName: 'Ahmad Fauzi',
      fromVillageName: 'Muara Tebo',
      workerId: null, // the worker is still in Tebo, outside Bungo's registry
      canDecide: true,
    });
    const decided = await decideMoveRequest(as(bungo), req.id, {
      approve: false,
      note: 'Belum ada surat pindah dari Dukcapil.',
    });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: 'dinas.bungo' });
  });
});

describe('a regency admin decides', () => {
  it('approves: the worker moves with history, the requester now sees it', async () => {
    const w = await aWorker('Fitri Handayani', PEDUKUN);
    await setLifeStatus(tdb.ctx(), w.id, { status: 'moved', date: '2025-03-01' });
    const req = await requestMove(as(rantauOp), { nik: w.nik, reason: REASON });
    await expect(decideMoveRequest(as(rantauOp), req.id, { approve: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const decided = await decideMoveRequest(as(bungo), req.id, {
      approve: true,
      note: 'Surat pindah sudah diperiksa.',
    });
    expect(decided).toMatchObject({
      status: 'approved',
      decidedBy: 'dinas.bungo',
      decisionNote: 'Surat pindah sudah diperiksa.',
      canDecide: false,
    });
    expect(decided.decidedAt).not.toBeNull();
    const moved = await getWorker(tdb.ctx(), w.id);
    expect(moved).toMatchObject({
      villageCode: RANTAU_DUKU,
      villageName: 'Rantau Duku',
      lifeStatus: 'alive',
      movedDate: null,
    });
    // the NIK was issued in Tanah Tumbuh: now it differs from the domicile, a warning to confirm
    expect(moved.warnings.map((x) => x.code)).toContain('NIK_REGION_DIFFERS');
    // the worker's history: one move, with the village before and after
    const history = await audits('worker', w.id);
    const move = history.find((a) => a.action === 'workers.move')!;
    expect(move).toMatchObject({
      actorName: 'dinas.bungo',
      regionCode: RANTAU_DUKU,
      before: { villageCode: PEDUKUN, lifeStatus: 'moved' },
      after: { villageCode: RANTAU_DUKU, lifeStatus: 'alive', moveRequestId: req.id },
    });
    const requestHistory = await audits('worker_move_request', req.id);
    expect(requestHistory.map((a) => a.action)).toEqual([
      'workers.requestMove',
      'workers.approveMove',
    ]);
    expect(requestHistory[1]).toMatchObject({
      before: { status: 'pending' },
      after: { status: 'approved', decisionNote: 'Surat pindah sudah diperiksa.' },
    });
    // the receiving operator now sees the name and the worker in the own list
    const mine = (await listMoveRequests(as(rantauOp), { status: 'approved' })).items.find(
      (r) => r.id === req.id,
    )!;
    expect(mine).toMatchObject({
      workerName: 'Fitri Handayani',
      workerId: w.id,
      fromVillageName: 'Pedukun',
    });
    const rantauList = await listWorkers(as(rantauOp), {
      q: 'fitri',
      sort: 'name',
      page: 1,
      pageSize: 50,
    });
    expect(rantauList.items.map((x) => x.id)).toEqual([w.id]);
    const pedukunList = await listWorkers(as(pedukunOp), {
      q: 'fitri',
      sort: 'name',
      page: 1,
      pageSize: 50,
    });
    expect(pedukunList.total).toBe(0);
    // a second decision is refused, naming who decided
    await expect(
      decideMoveRequest(as(bungo2), req.id, { approve: false, note: 'Tidak jadi.' }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Permintaan ini sudah disetujui oleh dinas.bungo.',
    });
  });

  it('rejects only with a note; the worker stays; the village may ask again', async () => {
    const w = await aWorker('Putri Ayu', PEDUKUN);
    const req = await requestMove(as(rantauOp), { nik: w.nik, reason: REASON });
    await expect(decideMoveRequest(as(bungo), req.id, { approve: false })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Alasan penolakan wajib diisi.',
      details: { issues: [{ path: 'note' }] },
    });
    await expect(
      decideMoveRequest(as(bungo), req.id, { approve: false, note: '   ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const rejected = await decideMoveRequest(as(bungo), req.id, {
      approve: false,
      note: 'Masih tercatat sebagai penerima di Pedukun tahun ini.',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisionNote: 'Masih tercatat sebagai penerima di Pedukun tahun ini.',
    });
    const seen = (await listMoveRequests(as(rantauOp), {})).items.find((r) => r.id === req.id)!;
    // the requester reads the reason, still without the worker's name
    expect(seen).toMatchObject({
      status: 'rejected',
      decisionNote: 'Masih tercatat sebagai penerima di Pedukun tahun ini.',
      workerName: null,
    });
    expect((await getWorker(tdb.ctx(), w.id)).villageCode).toBe(PEDUKUN);
    expect((await audits('worker', w.id)).map((a) => a.action)).toEqual(['workers.create']);
    const again = await requestMove(as(rantauOp), {
      nik: w.nik,
      reason: 'Surat pindah sudah ada.',
    });
    expect(again.status).toBe('pending');
  });

  it('refuses to approve when the worker died since the request', async () => {
    const w = await aWorker('Yuliana', PEDUKUN);
    const req = await requestMove(as(rantauOp), { nik: w.nik, reason: REASON });
    await setLifeStatus(tdb.ctx(), w.id, { status: 'dead', date: '2025-01-10' });
    await expect(decideMoveRequest(as(bungo), req.id, { approve: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('meninggal dunia'),
    });
    const [row] = await tdb.database.db
      .select()
      .from(workerMoveRequest)
      .where(eq(workerMoveRequest.id, req.id));
    expect(row!.status).toBe('pending');
    expect((await getWorker(tdb.ctx(), w.id)).villageCode).toBe(PEDUKUN);
  });

  it('lets one of two concurrent approvals win; the other is told it was decided', async () => {
    const w = await aWorker('Lestari Wulandari', PEDUKUN);
    const req = await requestMove(as(rantauOp), { nik: w.nik, reason: REASON });
    const results = await Promise.allSettled([
      decideMoveRequest(as(bungo), req.id, { approve: true }),
      decideMoveRequest(as(bungo2), req.id, { approve: true }),
      decideMoveRequest(as(national), req.id, { approve: false, note: 'Data belum lengkap.' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual([
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
    ]);
    const [row] = await tdb.database.db
      .select()
      .from(workerMoveRequest)
      .where(eq(workerMoveRequest.id, req.id));
    const moves = (await audits('worker', w.id)).filter((a) => a.action === 'workers.move');
    expect(moves).toHaveLength(row!.status === 'approved' ? 1 : 0);
    const decisions = (await audits('worker_move_request', req.id)).filter(
      (a) => a.action !== 'workers.requestMove',
    );
    expect(decisions).toHaveLength(1);
    expect((await getWorker(tdb.ctx(), w.id)).villageCode).toBe(
      row!.status === 'approved' ? RANTAU_DUKU : PEDUKUN,
    );
  });

  it('lets one of two concurrent requests for the same worker through', async () => {
    const w = await aWorker('Agus Salim', PEDUKUN, { sex: 'L' });
    const results = await Promise.allSettled([
      requestMove(as(rantauOp), { nik: w.nik, reason: REASON }),
      requestMove(as(bungo), { nik: w.nik, toVillage: LUBUK_NIUR, reason: REASON }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'CONFLICT' });
    const rows = await tdb.database.db
      .select()
      .from(workerMoveRequest)
      .where(eq(workerMoveRequest.workerId, w.id));
    expect(rows).toHaveLength(1);
  });
});

describe('the requester withdraws', () => {
  it('only the requester, only while pending', async () => {
    const w = await aWorker('Rina Marlina', PEDUKUN);
    const req = await requestMove(as(rantauOp), { nik: w.nik, reason: REASON });
    await expect(withdrawMoveRequest(as(rantauOp2), req.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Hanya pengaju (op.rantau) yang dapat menarik permintaan ini.',
    });
    await expect(withdrawMoveRequest(as(bungo), req.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const withdrawn = await withdrawMoveRequest(as(rantauOp), req.id);
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      decidedBy: 'op.rantau',
      canWithdraw: false,
    });
    await expect(withdrawMoveRequest(as(rantauOp), req.id)).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Permintaan ini sudah ditarik oleh op.rantau.',
    });
    await expect(decideMoveRequest(as(bungo), req.id, { approve: true })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect((await audits('worker_move_request', req.id)).map((a) => a.action)).toEqual([
      'workers.requestMove',
      'workers.withdrawMove',
    ]);
    expect((await getWorker(tdb.ctx(), w.id)).villageCode).toBe(PEDUKUN);
  });
});
