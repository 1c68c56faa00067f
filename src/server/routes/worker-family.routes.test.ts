import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/db/schema/audit.ts';
import { createWorker } from '../../core/modules/workers/index.ts';
import { aUser } from '../../../test/factories.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
let operator = '';
let otherOperator = '';
let auditor = '';
let workerId = '';
// 20 March 2026, 10:00 in Jakarta
const now = () => new Date('2026-03-20T03:00:00Z');

beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb, { now });
  operator = await loginAs(
    app,
    await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' }),
  );
  otherOperator = await loginAs(
    app,
    await aUser(tdb, { role: 'village_operator', scope: '15.08.02.2001' }),
  );
  auditor = await loginAs(app, await aUser(tdb, { role: 'auditor', scope: '15.08' }));
  workerId = (
    await createWorker(tdb.ctx(), {
      nik: '1508011107850001',
      fullName: 'Rahmat Hidayat',
      birthDate: '1985-07-11',
      sex: 'L',
      villageCode: '15.08.01.2001',
      occupationCode: 9,
    })
  ).id;
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (cookie: string | undefined, method: Method, path: string, payload?: object) =>
  app.inject({
    method,
    url: `/api/workers/${workerId}${path}`,
    headers: cookie ? { cookie } : {},
    ...(payload ? { payload } : {}),
  });

describe('worker family routes', () => {
  it('rejects unauthenticated requests', async () => {
    expect((await call(undefined, 'GET', '/family')).statusCode).toBe(401);
    const res = await call(undefined, 'POST', '/heirs', { name: 'Siti', relationship: 'spouse' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/masuk/i);
  });

  it('rejects out-of-scope requests as if the worker did not exist', async () => {
    const read = await call(otherOperator, 'GET', '/family');
    expect(read.statusCode).toBe(404);
    expect(read.json().error.message).toBe('Pekerja tidak ditemukan.');
    const write = await call(otherOperator, 'POST', '/life-status', {
      status: 'dead',
      date: '2026-03-12',
    });
    expect(write.statusCode).toBe(404);
  });

  it('adds, changes and removes heirs and children; the family answers what is stored', async () => {
    const heir = await call(operator, 'POST', '/heirs', {
      name: 'Siti Aminah',
      nik: '1508015203880002',
      relationship: 'spouse',
      phone: '0812-7400-1234',
    });
    expect(heir.statusCode, heir.body).toBe(201);
    expect(heir.json()).toMatchObject({ name: 'Siti Aminah', nikMasked: '150801xxxxxx0002' });
    const heirId = heir.json().id as string;
    const patched = await call(operator, 'PATCH', `/heirs/${heirId}`, { phone: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().phone).toBeNull();

    const child = await call(operator, 'POST', '/children', {
      name: 'Dimas',
      birthDate: '2015-05-15',
      schoolLevel: 'sd',
    });
    expect(child.statusCode, child.body).toBe(201);
    const childId = child.json().id as string;
    const changed = await call(operator, 'PATCH', `/children/${childId}`, { schoolLevel: 'smp' });
    expect(changed.json()).toMatchObject({ schoolLevel: 'smp' });

    const family = await call(auditor, 'GET', '/family');
    expect(family.statusCode).toBe(200);
    expect(family.json()).toEqual({
      heirs: [expect.objectContaining({ id: heirId, relationship: 'spouse', phone: null })],
      children: [expect.objectContaining({ id: childId, name: 'Dimas', schoolLevel: 'smp' })],
    });
    expect(family.body).not.toContain('1508015203880002');

    const gone = await call(operator, 'DELETE', `/children/${childId}`);
    expect(gone.statusCode).toBe(204);
    expect(gone.body).toBe('');
    expect((await call(operator, 'DELETE', `/children/${childId}`)).statusCode).toBe(404);
    const removed = await call(operator, 'DELETE', `/heirs/${heirId}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(operator, 'GET', '/family')).json()).toEqual({ heirs: [], children: [] });
    const actions = await tdb.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'worker'), eq(auditLog.entityId, workerId)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'workers.heir.add',
        'workers.heir.update',
        'workers.heir.remove',
        'workers.child.add',
        'workers.child.update',
        'workers.child.remove',
      ]),
    );
  });

  it('answers 400 with the field and an Indonesian message for bad input', async () => {
    const heir = await call(operator, 'POST', '/heirs', {
      name: 'Siti',
      nik: '15080152',
      relationship: 'spouse',
    });
    expect(heir.statusCode).toBe(400);
    expect(heir.json().error).toMatchObject({
      code: 'VALIDATION',
      details: {
        issues: [{ path: 'isian.nik', message: 'NIK harus 16 digit angka (yang diisi: 8 digit).' }],
      },
    });
    const child = await call(operator, 'POST', '/children', {
      name: 'Dimas',
      birthDate: '2026-04-01',
      schoolLevel: 'sd',
    });
    expect(child.statusCode).toBe(400);
    expect(child.json().error.message).toBe('Tanggal lahir anak tidak boleh di masa depan.');
    const status = await call(operator, 'POST', '/life-status', { status: 'dead' });
    expect(status.statusCode).toBe(400);
    expect(status.json().error.message).toBe('Tanggal meninggal wajib diisi.');
  });

  it('refuses changes by an auditor', async () => {
    const res = await call(auditor, 'POST', '/heirs', { name: 'Siti', relationship: 'spouse' });
    expect(res.statusCode).toBe(403);
    expect((await call(auditor, 'POST', '/life-status', { status: 'alive' })).statusCode).toBe(403);
  });

  it('records a death and answers the worker detail with the dates', async () => {
    const res = await call(operator, 'POST', '/life-status', {
      status: 'dead',
      date: '2026-03-12',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: workerId,
      lifeStatus: 'dead',
      deathDate: '2026-03-12',
      movedDate: null,
    });
    const detail = await app.inject({
      method: 'GET',
      url: `/api/workers/${workerId}`,
      headers: { cookie: auditor },
    });
    expect(detail.json()).toMatchObject({ lifeStatus: 'dead', deathDate: '2026-03-12' });
  });

  it('documents every route in OpenAPI with an Indonesian summary', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const summary = (path: string, method: string) =>
      doc.paths[path]?.[method]?.summary as string | undefined;
    expect(summary('/api/workers/{id}/family', 'get')).toMatch(/Ahli waris dan anak/);
    expect(summary('/api/workers/{id}/heirs', 'post')).toMatch(/ahli waris/);
    expect(summary('/api/workers/{id}/heirs/{heirId}', 'patch')).toMatch(/ahli waris/);
    expect(summary('/api/workers/{id}/heirs/{heirId}', 'delete')).toMatch(/ahli waris/);
    expect(summary('/api/workers/{id}/children', 'post')).toMatch(/anak/);
    expect(summary('/api/workers/{id}/children/{childId}', 'patch')).toMatch(/anak/);
    expect(summary('/api/workers/{id}/children/{childId}', 'delete')).toMatch(/anak/);
    expect(summary('/api/workers/{id}/life-status', 'post')).toMatch(/status hidup/);
  });
});
