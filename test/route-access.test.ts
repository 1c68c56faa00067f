import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/access/actor.ts';
import { ROLES } from '../src/core/modules/accounts/roles.schema.ts';
import { createWorker } from '../src/core/modules/workers/index.ts';
import { importWorkers } from '../src/core/modules/imports/index.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aUser, type UserFixture } from './factories.ts';
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
  call: (where: Where) => Call;
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
let counter = 0;
const fixed = (url: string, payload?: unknown) => () => ({
  url,
  ...(payload !== undefined ? { payload } : {}),
});
const userUrl =
  (suffix = '') =>
  (where: Where) => ({ url: `/api/users/${where === 'in' ? inUserId : outUserId}${suffix}` });

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
  'GET /api/imports/:id/rejected.xlsx': {
    anonymous: 401,
    scoped: true,
    call: importUrl('/rejected.xlsx'),
    expect: allowed([...ROLES], 200, 404),
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
    const res = await send(route, entry.call(where), cookie);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(entry.expect(role, where));
  });
});
