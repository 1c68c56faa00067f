import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, userSession } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { aUser } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  authenticateSession,
  createUser,
  DEFAULT_AUTH_POLICY,
  ensureFirstAdmin,
  login,
  logout,
} from './index.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

const policy = {
  ...DEFAULT_AUTH_POLICY,
  idleMinutes: 30,
  maxHours: 12,
  lockAfterFailures: 3,
  lockMinutes: 15,
};
const at = (iso: string) => () => new Date(iso);

describe('first start', () => {
  it('creates admin once, with a generated password when none is configured', async () => {
    const first = await ensureFirstAdmin(tdb.ctx(), undefined);
    expect(first).toMatchObject({ created: true, username: 'admin' });
    const password = first.created ? first.generatedPassword! : '';
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await ensureFirstAdmin(tdb.ctx(), 'another-password')).toEqual({ created: false });
    const r = await login(tdb.ctx(), { username: 'admin', password }, policy);
    expect(r.user).toMatchObject({ username: 'admin', role: 'admin', scope: [] });
  });
});

describe('createUser', () => {
  it('stores an argon2id hash, never the password, and audits the creation', async () => {
    const u = await aUser(tdb, { role: 'regency_admin', scope: '1508' });
    expect(u.me.scope).toEqual(['15.08']);
    const [row] = await tdb.database.db.select().from(appUser).where(eq(appUser.id, u.me.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain(u.password);
    const [audit] = await tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, u.me.id));
    expect(audit).toMatchObject({
      action: 'users.create',
      entity: 'app_user',
      regionCode: '15.08',
    });
    expect(JSON.stringify(audit!.after)).not.toContain(u.password);
  });

  it.each([
    [
      { role: 'village_operator', scope: '15.08' },
      'Wilayah kerja peran ini harus sebuah desa/kelurahan; 15.08 adalah kabupaten/kota.',
    ],
    [
      { role: 'regency_admin', scope: '15.99' },
      'Wilayah 15.99 tidak ada dalam daftar wilayah yang berlaku.',
    ],
    [{ role: 'regency_admin', scope: 'Bungo' }, 'Kode wilayah "Bungo" tidak valid.'],
    [{ role: 'regency_admin' }, 'Wilayah kerja wajib diisi untuk peran ini.'],
    [
      { role: 'regency_admin', scope: ['15.08', '15.09'] },
      'Hanya petugas BPJS yang dapat memiliki lebih dari satu wilayah kerja.',
    ],
  ] as const)('refuses a scope that does not fit the role: %j', async (opts, message) => {
    await expect(aUser(tdb, opts)).rejects.toMatchObject({ code: 'VALIDATION', message });
  });

  it('lets a BPJS officer cover several regencies', async () => {
    const u = await aUser(tdb, { role: 'bpjs_officer', scope: ['15.08', '15.09'] });
    expect(u.me.scope).toEqual(['15.08', '15.09']);
  });

  it('refuses a taken username, a short password and a bad username with Indonesian messages', async () => {
    await aUser(tdb, { username: 'rio.pedukun' });
    await expect(aUser(tdb, { username: 'Rio.Pedukun' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Nama pengguna "rio.pedukun" sudah dipakai.',
    });
    await expect(
      createUser(tdb.ctx(), { username: 'siti', password: 'pendek', role: 'admin' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Kata sandi minimal 10 karakter.',
    });
    await expect(
      createUser(tdb.ctx(), { username: 'a b', password: 'cukup-panjang-1', role: 'admin' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('may be done only by an administrator for now', async () => {
    const operator = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' });
    await expect(
      createUser(tdb.ctx(operator.actor), {
        username: 'baru',
        password: 'cukup-panjang-1',
        role: 'admin',
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('login and sessions', () => {
  it('opens a session that resolves to the user, and logout revokes it', async () => {
    const u = await aUser(tdb, { role: 'district_officer', scope: '15.08.01' });
    const r = await login(
      tdb.ctx(undefined, at('2026-11-24T01:00:00Z')),
      { username: u.me.username, password: u.password, ip: '10.0.0.5' },
      policy,
    );
    expect(r.expiresAt.toISOString()).toBe('2026-11-24T13:00:00.000Z');
    const found = await authenticateSession(
      tdb.database.db,
      r.token,
      new Date('2026-11-24T01:10:00Z'),
      policy,
    );
    expect(found?.actor).toMatchObject({
      kind: 'user',
      id: u.me.id,
      role: 'district_officer',
      scope: ['15.08.01'],
    });
    const stored = await tdb.database.db
      .select()
      .from(userSession)
      .where(eq(userSession.userId, u.me.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toBe(r.token);
    expect(stored[0]!.ip).toBe('10.0.0.5');

    await logout(tdb.ctx(found!.actor));
    expect(
      await authenticateSession(tdb.database.db, r.token, new Date('2026-11-24T01:11:00Z'), policy),
    ).toBeUndefined();
    const actions = (
      await tdb.database.db.select().from(auditLog).where(eq(auditLog.entityId, u.me.id))
    ).map((a) => a.action);
    expect(actions).toEqual(['users.create', 'auth.login', 'auth.logout']);
  });

  it('ends a session after the idle time and after the maximum age', async () => {
    const u = await aUser(tdb);
    const r = await login(
      tdb.ctx(undefined, at('2026-11-24T01:00:00Z')),
      { username: u.me.username, password: u.password },
      policy,
    );
    expect(
      await authenticateSession(tdb.database.db, r.token, new Date('2026-11-24T01:29:00Z'), policy),
    ).toBeDefined();
    // the request at 01:29 counted as activity: 01:58 is 29 minutes later
    expect(
      await authenticateSession(tdb.database.db, r.token, new Date('2026-11-24T01:58:00Z'), policy),
    ).toBeDefined();
    expect(
      await authenticateSession(tdb.database.db, r.token, new Date('2026-11-24T02:40:00Z'), policy),
    ).toBeUndefined();
    const r2 = await login(
      tdb.ctx(undefined, at('2026-11-24T01:00:00Z')),
      { username: u.me.username, password: u.password },
      { ...policy, idleMinutes: 10_000 },
    );
    expect(
      await authenticateSession(tdb.database.db, r2.token, new Date('2026-11-24T13:00:01Z'), {
        ...policy,
        idleMinutes: 10_000,
      }),
    ).toBeUndefined();
  });

  it('gives the same message for an unknown user and a wrong password', async () => {
    const u = await aUser(tdb);
    await expect(
      login(tdb.ctx(), { username: 'tidak.ada', password: 'apa-saja-123' }, policy),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Nama pengguna atau kata sandi salah.',
    });
    await expect(
      login(tdb.ctx(), { username: u.me.username, password: 'salah-sandi-123' }, policy),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Nama pengguna atau kata sandi salah. Sisa percobaan sebelum akun dikunci: 2.',
    });
  });

  it('locks the account after repeated failures, says how long, and unlocks after that time', async () => {
    const u = await aUser(tdb);
    const t0 = at('2026-11-24T03:00:00Z');
    for (let i = 0; i < 2; i++) {
      await expect(
        login(
          tdb.ctx(undefined, t0),
          { username: u.me.username, password: 'salah-sandi-123' },
          policy,
        ),
      ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    await expect(
      login(
        tdb.ctx(undefined, t0),
        { username: u.me.username, password: 'salah-sandi-123' },
        policy,
      ),
    ).rejects.toMatchObject({
      code: 'LOCKED',
      message:
        'Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.',
    });
    // even the right password is refused while locked
    await expect(
      login(
        tdb.ctx(undefined, at('2026-11-24T03:10:00Z')),
        { username: u.me.username, password: u.password },
        policy,
      ),
    ).rejects.toMatchObject({
      code: 'LOCKED',
      details: { retryAfterMinutes: 5 },
    });
    const ok = await login(
      tdb.ctx(undefined, at('2026-11-24T03:16:00Z')),
      { username: u.me.username, password: u.password },
      policy,
    );
    expect(ok.user.username).toBe(u.me.username);
    const [row] = await tdb.database.db.select().from(appUser).where(eq(appUser.id, u.me.id));
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    const failures = await tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.loginFailed'));
    expect(failures.filter((f) => f.entityId === u.me.id)).toHaveLength(3);
  });
});

describe('audit trail', () => {
  it('cannot be altered or deleted, even with SQL', async () => {
    await aUser(tdb);
    await expect(tdb.database.db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(tdb.database.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(tdb.database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const [n] = await tdb.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, 'x'));
    expect(Number(n!.n)).toBe(0);
  });
});
