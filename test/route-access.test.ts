import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/access/actor.ts';
import { ROLES } from '../src/core/modules/accounts/roles.schema.ts';
import { addChild, addHeir, createWorker, requestMove } from '../src/core/modules/workers/index.ts';
import { importWorkers } from '../src/core/modules/imports/index.ts';
import { proposeEnrollments } from '../src/core/modules/enrollment/index.ts';
import { aProgram } from './program-factories.ts';
import { activateProgram, createProgram } from '../src/core/modules/programs/index.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aUser, type UserFixture } from './factories.ts';
import { seedBpjsMatrix, type BpjsMatrix } from './bpjs-matrix.ts';
import { buildTestApp, loginAs } from './test-app.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

/**
 * The access matrix: every API route × every role × an object in the role's scope and one out of
 * it, with the expected status. A route added without an entry here fails the first test.
 *
 * Scopes: every role works in Kabupaten Bungo (15.08) or below it; "out" objects are in
 * Kabupaten Sijunjung (13.03, West Sumatra), outside every scope but the national admin's.
 */
type Where = 'in' | 'out';
type Call = { url: string; payload?: unknown; headers?: Record<string, string> };
interface Entry {
  /** Status for an anonymous caller. */
  anonymous: number;
  /** Builds the request for an object in or out of scope; absent for routes without objects. */
  call: (where: Where, role?: Role) => Call;
  /** Expected status per role and place. */
  expect: (role: Role, where: Where) => number;
  scoped?: boolean;
}

const ADMINS: Role[] = ['admin', 'province_admin', 'regency_admin'];
const allowed = (roles: Role[], ok: number, outOfScope: number) => (role: Role, where: Where) =>
  !roles.includes(role) ? 403 : where === 'out' && role !== 'admin' ? outOfScope : ok;
const everyone = (ok: number) => () => ok;

let inUserId = '';
let outUserId = '';
let inWorkerId = '';
let outWorkerId = '';
let inImportId = '';
let outImportId = '';
/** Finished previews (of one refused row: saving writes nothing), one per call to save one. */
const previewPool: Record<Where, string[]> = { in: [], out: [] };
let nikSerial = 100;
const BOUNDARY = '----jaring-matrix';
/** A one-row CSV upload as a browser sends it (multipart/form-data). */
const upload = (): Call => ({
  url: '/api/imports/workers',
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  payload: [
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="mode"\r\n\r\npreview\r\n`,
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="pekerja.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    `nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,kode_pekerjaan\n${newNik()},Siti Aminah,1985-07-01,P,15.08.01.2001,9\r\n`,
    `--${BOUNDARY}--\r\n`,
  ].join(''),
});
const importUrl =
  (suffix = '') =>
  (where: Where) => ({ url: `/api/imports/${where === 'in' ? inImportId : outImportId}${suffix}` });
const newNik = () => `15080141078${String(++nikSerial).padStart(5, '0')}`;
const workerUrl =
  (suffix = '') =>
  (where: Where) => ({ url: `/api/workers/${where === 'in' ? inWorkerId : outWorkerId}${suffix}` });
const EDITORS: Role[] = [...ADMINS, 'village_operator'];
/** Undecided possible-duplicate pairs per route and place: each call decides (or tries) one. */
const dupPairs: Record<string, [string, string][]> = {};
const dupDecision = (kind: 'different' | 'merge') => (where: Where) => {
  const [a, b] = dupPairs[`${kind} ${where}`]!.pop()!;
  return {
    url: `/api/workers/duplicates/${kind}`,
    payload: kind === 'merge' ? { keepId: a, mergeId: b } : { workerA: a, workerB: b },
  };
};
/** Heirs and children of the in and out workers: [0] is changed, the rest are removed one per call. */
const family: Record<Where, { heirs: string[]; children: string[] }> = {
  in: { heirs: [], children: [] },
  out: { heirs: [], children: [] },
};
const member = (kind: 'heirs' | 'children', remove: boolean) => (where: Where) => {
  const ids = family[where][kind];
  return workerUrl(`/${kind}/${remove ? ids.pop() : ids[0]}`)(where);
};
let counter = 0;
const fixed = (url: string, payload?: unknown) => () => ({
  url,
  ...(payload !== undefined ? { payload } : {}),
});
const userUrl =
  (suffix = '') =>
  (where: Where) => ({ url: `/api/users/${where === 'in' ? inUserId : outUserId}${suffix}` });
/** Move requests: NIKs of workers to ask for, and pending requests to decide, one per call. */
const moveNiks: Record<Where, string[]> = { in: [], out: [] };
const moveRequests: Record<string, string[]> = {};
/** A pending request filed by each editor role's user: only the requester may withdraw it. */
const ownMoveRequest: Partial<Record<Role, string>> = {};
let outMoveRequest = '';
/** Programs: one draft with seats typed per village in and out of scope; pools of drafts to
 * activate and of active programs to close, one per call. */
const programs = { in: '', out: '' };
const programPool: Record<string, string[]> = {};
const programUrl =
  (suffix = '') =>
  (where: Where) => ({ url: `/api/programs/${programs[where]}${suffix}` });
const programStep = (step: 'activate' | 'close') => (where: Where) => ({
  url: `/api/programs/${programPool[`${step} ${where}`]!.pop()}/${step}`,
  payload: {},
});
const seatFile = (where: Where): Call => ({
  url: `/api/programs/${programs[where]}/allocations/import`,
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  payload: [
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="kursi.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    `kode_desa,kursi\n${where === 'in' ? '15.08.01.2001' : OUT_VILLAGE},5\r\n`,
    `--${BOUNDARY}--\r\n`,
  ].join(''),
});
const moveDecision = (step: 'approve' | 'reject') => (where: Where) => ({
  url: `/api/worker-moves/${moveRequests[`${step} ${where}`]!.pop()}/${step}`,
  payload: step === 'reject' ? { note: 'Belum ada surat pindah dari Dukcapil.' } : {},
});

/** Enrollment: a Bungo program with seats in Pedukun (in), a Sijunjung one (out), one seat each. */
const enrollmentIds: Record<Where, string> = { in: '', out: '' };
const enrollProgramIds: Record<Where, string> = { in: '', out: '' };
const enrollProgramUrl = (suffix: string) => (where: Where) => ({
  url: `/api/programs/${enrollProgramIds[where]}${suffix}`,
});
/** Steps answer per id: an enrollment out of scope is "not found" inside a 200, not a 404. */
const enrollmentStep = (step: string) => (where: Where) => ({
  url: `/api/enrollments/${step}`,
  payload: {
    ids: [enrollmentIds[where]],
    ...(step === 'return' ? { reason: 'Pekerjaan belum sesuai dengan KTP.' } : {}),
  },
});

/** BPJS exchange, replacement and continuity: objects per place, pools for the routes that change state. */
let bpjsM: BpjsMatrix;
const BPJS_READERS: Role[] = [...ADMINS, 'bpjs_officer'];
const bpjsAnswer = (where: Where): Call => ({
  url: `/api/programs/${bpjsM.program[where]}/bpjs-results`,
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  payload: [
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="jawaban.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    `nik,hasil,kpj,tanggal_efektif\n1508010101900001,diterima,23010000001,2040-01-01\r\n`,
    `--${BOUNDARY}--\r\n`,
  ].join(''),
});

const ACCESS: Record<string, Entry> = {
  'GET /api/health': { anonymous: 200, call: fixed('/api/health'), expect: everyone(200) },
  'POST /api/auth/login': {
    anonymous: 401,
    call: fixed('/api/auth/login', { username: 'tidak.ada', password: 'salah-sekali-123' }),
    expect: everyone(401),
  },
  'POST /api/auth/logout': {
    anonymous: 401,
    call: fixed('/api/auth/logout', {}),
    expect: everyone(204),
  },
  'GET /api/auth/me': { anonymous: 401, call: fixed('/api/auth/me'), expect: everyone(200) },
  'POST /api/auth/password': {
    anonymous: 401,
    call: fixed('/api/auth/password', {
      currentPassword: 'bukan-sandi-lama',
      newPassword: 'kopi-tubruk-sore-hari',
    }),
    expect: everyone(400),
  },
  'GET /api/auth/sessions': {
    anonymous: 401,
    call: fixed('/api/auth/sessions'),
    expect: everyone(200),
  },
  'POST /api/auth/sessions/:id/revoke': {
    anonymous: 401,
    call: fixed('/api/auth/sessions/tidak-ada/revoke', {}),
    expect: everyone(404),
  },
  'POST /api/auth/sessions/revoke-others': {
    anonymous: 401,
    call: fixed('/api/auth/sessions/revoke-others', {}),
    expect: everyone(200),
  },
  'GET /api/regions': {
    anonymous: 401,
    call: fixed('/api/regions?parent=15.08'),
    expect: everyone(200),
  },
  'GET /api/regions/:code': {
    anonymous: 401,
    call: fixed('/api/regions/13.03'),
    expect: everyone(200),
  },
  'PUT /api/regions/:code/local-term': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: `/api/regions/${w === 'in' ? '15.08' : '13.03'}/local-term`,
      payload: { villageTerm: 'Dusun' },
    }),
    expect: allowed(ADMINS, 200, 403),
  },
  'DELETE /api/regions/:code/local-term': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: `/api/regions/${w === 'in' ? '15.08' : '13.03'}/local-term`,
      payload: {},
    }),
    expect: allowed(ADMINS, 204, 403),
  },
  'GET /api/users': {
    anonymous: 401,
    call: fixed('/api/users'),
    expect: allowed([...ADMINS, 'auditor'], 200, 200),
  },
  'POST /api/users': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: '/api/users',
      payload: {
        username: `baru.${++counter}`,
        password: 'kopi-tubruk-sore-hari',
        role: 'village_operator',
        scope: w === 'in' ? '15.08.01.2001' : OUT_VILLAGE,
      },
    }),
    expect: allowed(ADMINS, 201, 403),
  },
  'GET /api/users/:id': {
    anonymous: 401,
    scoped: true,
    call: userUrl(),
    expect: allowed([...ADMINS, 'auditor'], 200, 404),
  },
  'PATCH /api/users/:id': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...userUrl()(w), payload: { displayName: 'Rahmat Hidayat' } }),
    expect: allowed(ADMINS, 200, 404),
  },
  'POST /api/users/:id/deactivate': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...userUrl('/deactivate')(w), payload: {} }),
    expect: allowed(ADMINS, 200, 404),
  },
  'POST /api/users/:id/activate': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...userUrl('/activate')(w), payload: {} }),
    expect: allowed(ADMINS, 200, 404),
  },
  'POST /api/users/:id/reset-password': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      ...userUrl('/reset-password')(w),
      payload: { newPassword: 'teh-manis-hangat-pagi' },
    }),
    expect: allowed(ADMINS, 204, 404),
  },
  'GET /api/audit': {
    anonymous: 401,
    call: fixed('/api/audit'),
    expect: allowed([...ADMINS, 'auditor'], 200, 200),
  },
  'GET /api/audit/export.xlsx': {
    anonymous: 401,
    call: fixed('/api/audit/export.xlsx'),
    expect: allowed([...ADMINS, 'auditor'], 200, 200),
  },
  'GET /api/workers': { anonymous: 401, call: fixed('/api/workers?q=siti'), expect: everyone(200) },
  'POST /api/workers': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: '/api/workers',
      payload: {
        nik: newNik(),
        fullName: 'Siti Aminah',
        birthDate: '1985-07-01',
        sex: 'P',
        villageCode: w === 'in' ? '15.08.01.2001' : OUT_VILLAGE,
        occupationCode: 9,
      },
    }),
    expect: allowed(EDITORS, 201, 403),
  },
  // Full NIK, KK and KPJ: not for auditors; out of scope rows are simply not in the file.
  'GET /api/workers/export.xlsx': {
    anonymous: 401,
    call: fixed('/api/workers/export.xlsx?segment=pekerja_rentan'),
    expect: (role) => (role === 'auditor' ? 403 : 200),
  },
  'GET /api/workers/export.csv': {
    anonymous: 401,
    call: fixed('/api/workers/export.csv'),
    expect: (role) => (role === 'auditor' ? 403 : 200),
  },
  // A static path beside /api/workers/:id: a 404 here would mean the parameter route took it.
  'GET /api/workers/template.xlsx': {
    anonymous: 401,
    call: fixed('/api/workers/template.xlsx'),
    expect: everyone(200),
  },
  // Possible duplicates: the regency office and above; static paths beside /api/workers/:id.
  'GET /api/workers/duplicates': {
    anonymous: 401,
    call: fixed('/api/workers/duplicates?page=1'),
    expect: allowed(ADMINS, 200, 200),
  },
  'POST /api/workers/duplicates/different': {
    anonymous: 401,
    scoped: true,
    call: dupDecision('different'),
    expect: allowed(ADMINS, 200, 404),
  },
  'POST /api/workers/duplicates/merge': {
    anonymous: 401,
    scoped: true,
    call: dupDecision('merge'),
    expect: allowed(ADMINS, 200, 404),
  },
  'GET /api/workers/:id': {
    anonymous: 401,
    scoped: true,
    call: workerUrl(),
    expect: allowed([...ROLES], 200, 404),
  },
  'GET /api/workers/:id/identity': {
    anonymous: 401,
    scoped: true,
    call: workerUrl('/identity'),
    // auditors see masked values only; out of scope the worker does not exist for them either
    expect: (role, where) =>
      role === 'auditor'
        ? where === 'in'
          ? 403
          : 404
        : allowed([...ROLES], 200, 404)(role, where),
  },
  'PATCH /api/workers/:id': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...workerUrl()(w), payload: { phone: '0812-7400-1234' } }),
    expect: allowed(EDITORS, 200, 404),
  },
  'POST /api/workers/:id/confirm-warnings': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...workerUrl('/confirm-warnings')(w), payload: {} }),
    expect: allowed(EDITORS, 200, 404),
  },
  'GET /api/workers/:id/family': {
    anonymous: 401,
    scoped: true,
    call: workerUrl('/family'),
    expect: allowed([...ROLES], 200, 404),
  },
  'POST /api/workers/:id/heirs': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...workerUrl('/heirs')(w), payload: { name: 'Siti', relationship: 'spouse' } }),
    expect: allowed(EDITORS, 201, 404),
  },
  'PATCH /api/workers/:id/heirs/:heirId': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...member('heirs', false)(w), payload: { phone: '0812-7400-1234' } }),
    expect: allowed(EDITORS, 200, 404),
  },
  'DELETE /api/workers/:id/heirs/:heirId': {
    anonymous: 401,
    scoped: true,
    call: member('heirs', true),
    expect: allowed(EDITORS, 204, 404),
  },
  'POST /api/workers/:id/children': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      ...workerUrl('/children')(w),
      payload: { name: 'Dimas', birthDate: '2015-05-15', schoolLevel: 'sd' },
    }),
    expect: allowed(EDITORS, 201, 404),
  },
  'PATCH /api/workers/:id/children/:childId': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...member('children', false)(w), payload: { schoolLevel: 'smp' } }),
    expect: allowed(EDITORS, 200, 404),
  },
  'DELETE /api/workers/:id/children/:childId': {
    anonymous: 401,
    scoped: true,
    call: member('children', true),
    expect: allowed(EDITORS, 204, 404),
  },
  // 'alive' keeps the worker as the other entries expect it
  'POST /api/workers/:id/life-status': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...workerUrl('/life-status')(w), payload: { status: 'alive' } }),
    expect: allowed(EDITORS, 200, 404),
  },
  'POST /api/imports/workers': { anonymous: 401, call: upload, expect: allowed(EDITORS, 200, 200) },
  // an import is seen by its author and by users whose scope covers the author's
  'GET /api/imports/:id': {
    anonymous: 401,
    scoped: true,
    call: importUrl(),
    expect: allowed([...ROLES], 200, 404),
  },
  'GET /api/imports': { anonymous: 401, call: fixed('/api/imports'), expect: everyone(200) },
  // the matrix's imports are finished: an editor who may see one is told it cannot be cancelled
  'POST /api/imports/:id/cancel': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...importUrl('/cancel')(w), payload: {} }),
    expect: allowed(EDITORS, 409, 404),
  },
  'POST /api/imports/:id/resume': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...importUrl('/resume')(w), payload: {} }),
    expect: allowed(EDITORS, 409, 404),
  },
  'POST /api/imports/:id/commit': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ url: `/api/imports/${previewPool[w].pop()}/commit`, payload: {} }),
    expect: allowed(EDITORS, 200, 404),
  },
  'GET /api/imports/:id/rejected.xlsx': {
    anonymous: 401,
    scoped: true,
    call: importUrl('/rejected.xlsx'),
    expect: allowed([...ROLES], 200, 404),
  },
  // Moves between villages: the receiving village asks (in: a Sijunjung worker to Pedukun;
  // out: a Bungo worker to Sijunjung), a regency admin of either side decides.
  'GET /api/worker-moves': {
    anonymous: 401,
    call: fixed('/api/worker-moves?status=pending&page=1'),
    expect: allowed(EDITORS, 200, 200),
  },
  'POST /api/worker-moves': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: '/api/worker-moves',
      payload: {
        nik: moveNiks[w].pop(),
        toVillage: w === 'in' ? '15.08.01.2001' : OUT_VILLAGE,
        reason: 'Menikah dan menetap di desa ini.',
      },
    }),
    expect: allowed(EDITORS, 201, 403),
  },
  'POST /api/worker-moves/:id/approve': {
    anonymous: 401,
    scoped: true,
    call: moveDecision('approve'),
    expect: allowed(ADMINS, 200, 404),
  },
  'POST /api/worker-moves/:id/reject': {
    anonymous: 401,
    scoped: true,
    call: moveDecision('reject'),
    expect: allowed(ADMINS, 200, 404),
  },
  // in: each editor withdraws the own request; out: the national admin sees one it did not file
  'POST /api/worker-moves/:id/withdraw': {
    anonymous: 401,
    scoped: true,
    call: (w, role) => ({
      url: `/api/worker-moves/${w === 'in' ? (ownMoveRequest[role ?? 'admin'] ?? ownMoveRequest.admin) : outMoveRequest}/withdraw`,
      payload: {},
    }),
    expect: (role, where) =>
      !EDITORS.includes(role) ? 403 : where === 'in' ? 200 : role === 'admin' ? 403 : 404,
  },
  // A calculator for every role; a region outside the scope does not exist for the caller.
  'POST /api/budget/plan': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: '/api/budget/plan',
      payload: { months: 12, seatsPerVillage: 25, region: w === 'in' ? '15.08.01.2001' : '13.03' },
    }),
    expect: allowed([...ROLES], 200, 404),
  },
  // Programs: everyone reads those of the own region; the regency office and above run them.
  'GET /api/programs': { anonymous: 401, call: fixed('/api/programs'), expect: everyone(200) },
  'POST /api/programs': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: '/api/programs',
      payload: {
        name: `APBDes 2027 nomor ${++counter}`,
        ownerRegion: w === 'in' ? '15.08.01.2001' : OUT_VILLAGE,
        funderType: 'apbdes',
        firstMonth: '2027-01',
        lastMonth: '2027-12',
        quota: { rule: 'per_village', seats: 25 },
      },
    }),
    expect: allowed(ADMINS, 201, 403),
  },
  'GET /api/programs/:id': {
    anonymous: 401,
    scoped: true,
    call: programUrl(),
    expect: allowed([...ROLES], 200, 404),
  },
  'PATCH /api/programs/:id': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ ...programUrl()(w), payload: { budgetReference: 'DPA 1.02.01' } }),
    expect: allowed(ADMINS, 200, 404),
  },
  'POST /api/programs/:id/activate': {
    anonymous: 401,
    scoped: true,
    call: programStep('activate'),
    expect: allowed(ADMINS, 200, 404),
  },
  'POST /api/programs/:id/close': {
    anonymous: 401,
    scoped: true,
    call: programStep('close'),
    expect: allowed(ADMINS, 200, 404),
  },
  // a village operator's drill-down starts at the own village
  'GET /api/programs/:id/allocations': {
    anonymous: 401,
    scoped: true,
    call: programUrl('/allocations'),
    expect: allowed([...ROLES], 200, 404),
  },
  'GET /api/programs/:id/allocations.xlsx': {
    anonymous: 401,
    scoped: true,
    call: programUrl('/allocations.xlsx'),
    expect: allowed([...ROLES], 200, 404),
  },
  'GET /api/programs/:id/allocations.pdf': {
    anonymous: 401,
    scoped: true,
    call: programUrl('/allocations.pdf'),
    expect: allowed([...ROLES], 200, 404),
  },
  'PUT /api/programs/:id/allocations': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      ...programUrl('/allocations')(w),
      payload: [{ villageCode: w === 'in' ? '15.08.01.2001' : OUT_VILLAGE, seats: 5 }],
    }),
    expect: allowed(ADMINS, 200, 404),
  },
  'POST /api/programs/:id/allocations/import': {
    anonymous: 401,
    scoped: true,
    call: seatFile,
    expect: allowed(ADMINS, 200, 404),
  },
  // Enrollment: everyone reads the programs that concern the own region; villages (and admins
  // for a village) propose; a program of another region does not exist for the caller.
  'GET /api/enrollments/overview': {
    anonymous: 401,
    call: fixed('/api/enrollments/overview'),
    expect: everyone(200),
  },
  'GET /api/programs/:id/enrollments': {
    anonymous: 401,
    scoped: true,
    call: enrollProgramUrl('/enrollments?page=1'),
    expect: allowed([...ROLES], 200, 404),
  },
  'POST /api/programs/:id/enrollments': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      ...enrollProgramUrl('/enrollments')(w),
      payload: {
        niks: [w === 'in' ? '1508011107850001' : '1303031107850001'],
        village: w === 'in' ? '15.08.01.2001' : OUT_VILLAGE,
      },
    }),
    expect: allowed(EDITORS, 200, 404),
  },
  'GET /api/programs/:id/participants.xlsx': {
    anonymous: 401,
    scoped: true,
    call: enrollProgramUrl('/participants.xlsx'),
    expect: allowed([...ROLES], 200, 404),
  },
  'GET /api/programs/:id/participants.pdf': {
    anonymous: 401,
    scoped: true,
    call: enrollProgramUrl('/participants.pdf'),
    expect: allowed([...ROLES], 200, 404),
  },
  'GET /api/programs/:id/candidates': {
    anonymous: 401,
    scoped: true,
    call: (w) =>
      enrollProgramUrl(`/candidates?village=${w === 'in' ? '15.08.01.2001' : OUT_VILLAGE}`)(w),
    expect: allowed(EDITORS, 200, 404),
  },
  'POST /api/enrollments/verify': {
    anonymous: 401,
    scoped: true,
    call: enrollmentStep('verify'),
    expect: allowed(['district_officer'], 200, 200),
  },
  'POST /api/enrollments/approve': {
    anonymous: 401,
    scoped: true,
    call: enrollmentStep('approve'),
    expect: allowed(ADMINS, 200, 200),
  },
  'POST /api/enrollments/return': {
    anonymous: 401,
    scoped: true,
    call: enrollmentStep('return'),
    expect: allowed([...ADMINS, 'district_officer'], 200, 200),
  },
  'POST /api/enrollments/withdraw': {
    anonymous: 401,
    scoped: true,
    call: enrollmentStep('withdraw'),
    expect: allowed(EDITORS, 200, 200),
  },
  // Exchange with BPJS: the regency office sends, the branch (or the office) records the answer;
  // a program, batch or answer of another region does not exist for the caller.
  'GET /api/programs/:id/bpjs': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ url: `/api/programs/${bpjsM.program[w]}/bpjs` }),
    expect: allowed(BPJS_READERS, 200, 404),
  },
  'GET /api/programs/:id/enrollments/export': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: `/api/programs/${bpjsM.exportPrograms[w].pop()}/enrollments/export?format=csv`,
    }),
    expect: allowed(ADMINS, 200, 404),
  },
  'GET /api/bpjs-batches/:id': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ url: `/api/bpjs-batches/${bpjsM.batch[w]}` }),
    expect: allowed(BPJS_READERS, 200, 404),
  },
  'GET /api/bpjs-batches/:id/file': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ url: `/api/bpjs-batches/${bpjsM.batch[w]}/file?format=csv` }),
    expect: allowed(BPJS_READERS, 200, 404),
  },
  'POST /api/programs/:id/bpjs-results': {
    anonymous: 401,
    scoped: true,
    call: bpjsAnswer,
    expect: allowed(BPJS_READERS, 200, 404),
  },
  'GET /api/bpjs-results/:id': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ url: `/api/bpjs-results/${bpjsM.result[w]}` }),
    expect: allowed(BPJS_READERS, 200, 404),
  },
  'GET /api/bpjs-results/:id/rejected.xlsx': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({ url: `/api/bpjs-results/${bpjsM.result[w]}/rejected.xlsx` }),
    expect: allowed(BPJS_READERS, 200, 404),
  },
  // Replacement: the regency frees a seat, the village (or an admin) proposes who takes it.
  'POST /api/enrollments/:id/end': {
    anonymous: 401,
    scoped: true,
    call: (w) => {
      const seat = bpjsM.endable[w].pop()!;
      return {
        url: `/api/enrollments/${seat.id}/end`,
        payload: { reason: 'moved', from: seat.from },
      };
    },
    expect: allowed(ADMINS, 200, 404),
  },
  'POST /api/enrollments/:id/replace': {
    anonymous: 401,
    scoped: true,
    call: (w) => {
      const seat = bpjsM.replaceable[w].pop()!;
      return { url: `/api/enrollments/${seat.id}/replace`, payload: { nik: seat.nik } };
    },
    expect: allowed(EDITORS, 201, 404),
  },
  // Continuity: every role sees its own region; renewing is for the office that owns the program.
  'GET /api/continuity': {
    anonymous: 401,
    call: fixed('/api/continuity?days=45'),
    expect: everyone(200),
  },
  // The same list as files: a region of another regency is refused (403) for all but the admin.
  'GET /api/continuity.xlsx': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: `/api/continuity.xlsx?days=45&region=${w === 'in' ? '15.08.01.2001' : '13.03'}`,
    }),
    expect: allowed([...ROLES], 200, 403),
  },
  'GET /api/continuity.pdf': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: `/api/continuity.pdf?days=45&region=${w === 'in' ? '15.08.01.2001' : '13.03'}`,
    }),
    expect: allowed([...ROLES], 200, 403),
  },
  'POST /api/programs/:id/renew': {
    anonymous: 401,
    scoped: true,
    call: (w) => ({
      url: `/api/programs/${bpjsM.renewable[w].pop()}/renew`,
      payload: { firstMonth: '2080-01', lastMonth: '2080-12' },
    }),
    expect: allowed(ADMINS, 201, 404),
  },
  'GET /api/settings/privacy': {
    anonymous: 401,
    call: fixed('/api/settings/privacy'),
    expect: everyone(200),
  },
  'PUT /api/settings/privacy': {
    anonymous: 401,
    call: fixed('/api/settings/privacy', {
      lawfulBasis: 'Tugas pemerintahan menurut Inpres 2/2021 dan UU 27/2022.',
      retentionMonths: 60,
    }),
    expect: allowed(['admin'], 200, 200),
  },
};

const SCOPE: Record<Role, string | string[] | undefined> = {
  admin: undefined,
  province_admin: '15',
  regency_admin: '15.08',
  district_officer: '15.08.01',
  village_operator: '15.08.01.2001',
  bpjs_officer: ['15.08'],
  auditor: '15.08',
};
const OUT_VILLAGE = '13.03.03.2001'; // Timbulun, Kabupaten Sijunjung

let tdb: TestDatabase;
let app: FastifyInstance;
const registered = new Set<string>();
const users = {} as Record<Role, UserFixture>;
beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb, {
    loginRatePerMinute: 10_000,
    onRoute: (r) => {
      const methods = Array.isArray(r.method) ? r.method : [r.method];
      for (const m of methods) {
        if (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && m !== 'HEAD') {
          registered.add(`${m} ${r.url}`);
        }
      }
    },
  });
  for (const role of ROLES)
    users[role] = await aUser(tdb, { role, ...(SCOPE[role] ? { scope: SCOPE[role] } : {}) });
  inUserId = (await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' })).me.id;
  outUserId = (await aUser(tdb, { role: 'village_operator', scope: OUT_VILLAGE })).me.id;
  const seed = (nik: string, villageCode: string) =>
    createWorker(tdb.ctx(), {
      nik,
      fullName: 'Rahmat Hidayat',
      birthDate: '1985-07-11',
      sex: 'L',
      villageCode,
      occupationCode: 9,
    });
  inWorkerId = (await seed('1508011107850001', '15.08.01.2001')).id;
  outWorkerId = (await seed('1303031107850001', OUT_VILLAGE)).id;
  // a pair per call (anonymous and seven roles, two to spare): same name and birth date, other NIKs
  let dupSerial = 5000;
  for (const kind of ['different', 'merge'] as const) {
    for (const [where, village] of [
      ['in', '15.08.01.2001'],
      ['out', OUT_VILLAGE],
    ] as const) {
      const pairs: [string, string][] = (dupPairs[`${kind} ${where}`] = []);
      for (let i = 0; i < 10; i++) {
        const twin = async () =>
          (
            await createWorker(tdb.ctx(), {
              nik: `${village.slice(0, 8).replace(/\./g, '')}120390${++dupSerial}`,
              fullName: `Joko Susilo ${kind} ${i}`,
              birthDate: '1990-03-12',
              sex: 'L',
              villageCode: village,
              occupationCode: 9,
            })
          ).id;
        pairs.push([await twin(), await twin()]);
      }
    }
  }
  // [0] is changed; the others are removed, one per call (anonymous and seven roles)
  for (const [where, workerId] of [
    ['in', inWorkerId],
    ['out', outWorkerId],
  ] as const) {
    for (let i = 0; i < 10; i++) {
      const heir = await addHeir(tdb.ctx(), workerId, { name: 'Siti', relationship: 'spouse' });
      const child = await addChild(tdb.ctx(), workerId, {
        name: 'Dimas',
        birthDate: '2015-05-15',
        schoolLevel: 'sd',
      });
      family[where].heirs.push(heir.id);
      family[where].children.push(child.id);
    }
  }
  const fileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-matrix-'));
  const csvFile = path.join(fileDir, 'pekerja.csv');
  fs.writeFileSync(csvFile, 'nik,nama\n1508011107850001,Rahmat Hidayat\n');
  const importAs = async (scope: string) => {
    const op = await aUser(tdb, { role: 'village_operator', scope });
    return (
      await importWorkers(
        tdb.ctx(op.actor),
        { path: csvFile, fileName: 'pekerja.csv' },
        { mode: 'preview' },
      )
    ).id;
  };
  inImportId = await importAs('15.08.01.2001');
  outImportId = await importAs(OUT_VILLAGE);
  const refusedFile = path.join(fileDir, 'nik-salah.csv');
  fs.writeFileSync(refusedFile, 'nik,nama\n150801,Nik Pendek\n');
  for (const [where, scope] of [
    ['in', '15.08.01.2001'],
    ['out', OUT_VILLAGE],
  ] as const) {
    const op = await aUser(tdb, { role: 'village_operator', scope });
    for (let i = 0; i < 9; i++) {
      const file = { path: refusedFile, fileName: 'nik-salah.csv' };
      previewPool[where].push(
        (await importWorkers(tdb.ctx(op.actor), file, { mode: 'preview' })).id,
      );
    }
  }
  // Move requests: workers in Rantau Duku (Bungo) and in Sijunjung, one per call
  let moveSerial = 7000;
  const mover = async (village: string) => {
    const nik = `${village.slice(0, 8).replace(/\./g, '')}150595${++moveSerial}`;
    await createWorker(tdb.ctx(), {
      nik,
      fullName: 'Budi Santoso',
      birthDate: '1995-05-15',
      sex: 'L',
      villageCode: village,
      occupationCode: 9,
    });
    return nik;
  };
  const reason = 'Menikah dan menetap di desa ini.';
  const SIJUNJUNG_2 = '13.03.03.2002'; // Tanjung Gadang
  for (let i = 0; i < 9; i++) {
    moveNiks.in.push(await mover(OUT_VILLAGE));
    moveNiks.out.push(await mover('15.08.02.2001'));
  }
  for (const step of ['approve', 'reject']) {
    for (const [where, from, to] of [
      ['in', '15.08.02.2001', '15.08.01.2001'],
      ['out', OUT_VILLAGE, SIJUNJUNG_2],
    ] as const) {
      const list: string[] = (moveRequests[`${step} ${where}`] = []);
      for (let i = 0; i < 9; i++) {
        const nik = await mover(from);
        list.push((await requestMove(tdb.ctx(), { nik, toVillage: to, reason })).id);
      }
    }
  }
  for (const role of EDITORS) {
    const nik = await mover('15.08.02.2001');
    ownMoveRequest[role] = (
      await requestMove(tdb.ctx(users[role].actor), { nik, toVillage: '15.08.01.2001', reason })
    ).id;
  }
  const sijunjungOp = await aUser(tdb, { role: 'village_operator', scope: OUT_VILLAGE });
  outMoveRequest = (
    await requestMove(tdb.ctx(sijunjungOp.actor), { nik: await mover(SIJUNJUNG_2), reason })
  ).id;
  // Enrollment: programs running from 2026 so that proposals are open whenever the test runs
  for (const [where, ownerRegion, village, nik] of [
    ['in', '15.08', '15.08.01.2001', '1508011107850001'],
    ['out', '13.03', OUT_VILLAGE, '1303031107850001'],
  ] as const) {
    enrollProgramIds[where] = (
      await aProgram(tdb, {
        ownerRegion,
        firstMonth: '2026-01-01',
        lastMonth: '2030-12-01',
        seats: { [village]: 25 },
      })
    ).id;
    const proposed = await proposeEnrollments(tdb.ctx(), enrollProgramIds[where], {
      niks: [nik],
      village,
    });
    enrollmentIds[where] = proposed.results[0]!.enrollmentId!;
  }
  // Programs of Kabupaten Bungo (in) and Kabupaten Sijunjung (out); village-owned ones for the pools
  const aProgramOf = async (ownerRegion: string, rule: 'explicit' | 'per_village') =>
    (
      await createProgram(tdb.ctx(), {
        name: `Program matriks ${++counter}`,
        ownerRegion,
        funderType: 'apbd_kabkota',
        firstMonth: '2027-01',
        lastMonth: '2027-12',
        quota: rule === 'explicit' ? { rule } : { rule, seats: 10 },
      })
    ).id;
  programs.in = await aProgramOf('15.08', 'explicit');
  programs.out = await aProgramOf('13.03', 'explicit');
  for (const [where, village] of [
    ['in', '15.08.01.2001'],
    ['out', OUT_VILLAGE],
  ] as const) {
    const drafts: string[] = (programPool[`activate ${where}`] = []);
    const active: string[] = (programPool[`close ${where}`] = []);
    for (let i = 0; i < 9; i++) {
      drafts.push(await aProgramOf(village, 'per_village'));
      active.push((await activateProgram(tdb.ctx(), await aProgramOf(village, 'per_village'))).id);
    }
  }
  bpjsM = await seedBpjsMatrix(tdb, { in: '15.08.01.2001', out: OUT_VILLAGE });
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

async function send(route: string, call: Call, cookie?: string) {
  const method = route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  return app.inject({
    method,
    url: call.url,
    headers: { ...call.headers, ...(cookie ? { cookie } : {}) },
    ...(call.payload !== undefined ? { payload: call.payload as object } : {}),
  });
}

describe('route access matrix', () => {
  it('has an entry for every API route, and no stale entries', () => {
    expect([...registered].sort()).toEqual(Object.keys(ACCESS).sort());
  });

  it.each(Object.keys(ACCESS))('%s refuses an anonymous caller as expected', async (route) => {
    const res = await send(route, ACCESS[route]!.call('in'));
    expect(res.statusCode, res.body).toBe(ACCESS[route]!.anonymous);
  });

  const cases = Object.keys(ACCESS).flatMap((route) =>
    ROLES.flatMap((role) =>
      (ACCESS[route]!.scoped ? (['in', 'out'] as const) : (['in'] as const)).map(
        (where) => [route, role, where] as const,
      ),
    ),
  );
  it.each(cases)('%s as %s, object %s of scope', async (route, role, where) => {
    // Every case logs in afresh: some routes end sessions (logout, password reset of others).
    const cookie = await loginAs(app, users[role]);
    const entry = ACCESS[route]!;
    const res = await send(route, entry.call(where, role), cookie);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(entry.expect(role, where));
  });
});
