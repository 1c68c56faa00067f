import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  authenticateSession,
  changeOwnPassword,
  createUser,
  DEFAULT_AUTH_POLICY,
  getUser,
  listOwnSessions,
  listUsersInScope,
  login,
  resetUserPassword,
  revokeOtherSessions,
  setUserActive,
  updateUser,
} from './index.ts';

let tdb: TestDatabase;
let admin: UserFixture;
let jambi: UserFixture;
let bungo: UserFixture;
let tebo: UserFixture;
let camat: UserFixture;
let operator: UserFixture;
let sijunjung: UserFixture;
const page = { page: 1, pageSize: 200 };
beforeAll(async () => {
  tdb = await createTestDatabase();
  admin = await aUser(tdb, { role: 'admin', username: 'admin.pusat' });
  jambi = await aUser(tdb, { role: 'province_admin', scope: '15', username: 'admin.jambi' });
  bungo = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  tebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09', username: 'dinas.tebo' });
  camat = await aUser(tdb, {
    role: 'district_officer',
    scope: '15.08.01',
    username: 'camat.tanahtumbuh',
  });
  operator = await aUser(tdb, {
    role: 'village_operator',
    scope: '15.08.01.2001',
    username: 'op.pedukun',
  });
  sijunjung = await aUser(tdb, {
    role: 'regency_admin',
    scope: '13.03',
    username: 'dinas.sijunjung',
  });
});
afterAll(async () => tdb?.close());

const names = (list: { items: { username: string }[] }) => list.items.map((u) => u.username).sort();

describe('who sees which users', () => {
  it('shows each admin only the users of the own area', async () => {
    expect(names(await listUsersInScope(tdb.ctx(bungo.actor), page))).toEqual([
      'camat.tanahtumbuh',
      'dinas.bungo',
      'op.pedukun',
    ]);
    expect(names(await listUsersInScope(tdb.ctx(jambi.actor), page))).toEqual([
      'admin.jambi',
      'camat.tanahtumbuh',
      'dinas.bungo',
      'dinas.tebo',
      'op.pedukun',
    ]);
    expect((await listUsersInScope(tdb.ctx(admin.actor), page)).total).toBe(7);
  });

  it('keeps totals consistent: a province sees exactly the sum of its regencies plus its own level', async () => {
    const province = await listUsersInScope(tdb.ctx(jambi.actor), page);
    const perRegency = await Promise.all(
      ['15.08', '15.09'].map((region) =>
        listUsersInScope(tdb.ctx(jambi.actor), { ...page, region }),
      ),
    );
    const ownLevel = province.items.filter((u) => u.scope.every((c) => c.length === 2)).length;
    expect(province.total).toBe(perRegency.reduce((s, r) => s + r.total, 0) + ownLevel);
  });

  it('answers NOT_FOUND for a user outside the scope, as for one that does not exist', async () => {
    await expect(getUser(tdb.ctx(bungo.actor), sijunjung.me.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Pengguna tidak ditemukan.',
    });
    await expect(
      getUser(tdb.ctx(bungo.actor), '00000000-0000-0000-0000-000000000000'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setUserActive(tdb.ctx(bungo.actor), sijunjung.me.id, false)).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    expect((await getUser(tdb.ctx(bungo.actor), operator.me.id)).scopeNames).toEqual([
      { code: '15.08.01.2001', name: 'Pedukun' },
    ]);
  });

  it('filters by text, role, status and region', async () => {
    expect(names(await listUsersInScope(tdb.ctx(admin.actor), { ...page, q: 'DINAS' }))).toEqual([
      'dinas.bungo',
      'dinas.sijunjung',
      'dinas.tebo',
    ]);
    expect(
      names(await listUsersInScope(tdb.ctx(admin.actor), { ...page, role: 'district_officer' })),
    ).toEqual(['camat.tanahtumbuh']);
    expect(
      names(await listUsersInScope(tdb.ctx(admin.actor), { ...page, region: '1303' })),
    ).toEqual(['dinas.sijunjung']);
  });
});

describe('granting roles and scopes', () => {
  it('lets a regency admin create users below, inside the regency only', async () => {
    const u = await createUser(tdb.ctx(bungo.actor), {
      username: 'op.rantaupandan',
      password: 'kopi-tubruk-sore-hari',
      role: 'village_operator',
      scope: '15.08.02.2001',
    });
    expect(u).toMatchObject({ role: 'village_operator', scope: ['15.08.02.2001'], active: true });
    await expect(
      createUser(tdb.ctx(bungo.actor), {
        username: 'op.tebo',
        password: 'kopi-tubruk-sore-hari',
        role: 'village_operator',
        scope: '15.09.01.1001',
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Wilayah kerja yang diberikan di luar cakupan akun Anda.',
    });
    await expect(
      createUser(tdb.ctx(bungo.actor), {
        username: 'admin.baru',
        password: 'kopi-tubruk-sore-hari',
        role: 'province_admin',
        scope: '15',
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Anda tidak dapat memberi peran yang lebih tinggi dari peran Anda.',
    });
    await expect(
      createUser(tdb.ctx(jambi.actor), {
        username: 'admin.nasional',
        password: 'kopi-tubruk-sore-hari',
        role: 'admin',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses common passwords and passwords holding the username', async () => {
    for (const password of [
      'password123',
      'Indonesia2026!',
      'bismillah123',
      '1234567890',
      'op.baru-rahasia',
    ]) {
      await expect(
        createUser(tdb.ctx(admin.actor), {
          username: 'op.baru',
          password,
          role: 'village_operator',
          scope: '15.08.01.2002',
        }),
        password,
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('terlalu mudah ditebak') as unknown,
      });
    }
  });

  it('lets a regency admin change a user below, not a peer of another regency nor a higher role', async () => {
    const changed = await updateUser(tdb.ctx(bungo.actor), camat.me.id, {
      displayName: 'Siti Rahmawati',
    });
    expect(changed.displayName).toBe('Siti Rahmawati');
    await expect(
      updateUser(tdb.ctx(bungo.actor), jambi.me.id, { displayName: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // a BPJS officer covering Bungo and Tebo is visible in Bungo but not Bungo's to manage
    const bpjs = await aUser(tdb, { role: 'bpjs_officer', scope: ['15.08', '15.09'] });
    expect((await getUser(tdb.ctx(bungo.actor), bpjs.me.id)).scope).toEqual(['15.08', '15.09']);
    await expect(
      updateUser(tdb.ctx(bungo.actor), bpjs.me.id, { displayName: 'x' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Anda tidak dapat mengubah pengguna dengan peran atau wilayah kerja di atas Anda.',
    });
    await expect(
      updateUser(tdb.ctx(bungo.actor), tebo.me.id, { displayName: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      updateUser(tdb.ctx(bungo.actor), bungo.me.id, { displayName: 'x' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Ubah akun Anda sendiri lewat halaman Profil.',
    });
  });

  it('ends the sessions of a user whose role or scope changes, and audits before and after', async () => {
    const u = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2003' });
    const s = await login(
      tdb.ctx(),
      { username: u.me.username, password: u.password },
      DEFAULT_AUTH_POLICY,
    );
    await updateUser(tdb.ctx(bungo.actor), u.me.id, { scope: '15.08.01.2004' });
    expect(
      await authenticateSession(tdb.database.db, s.token, new Date(), DEFAULT_AUTH_POLICY),
    ).toBeUndefined();
    const [audit] = await tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'users.update'))
      .orderBy(auditLog.id)
      .limit(1)
      .offset(1);
    expect(audit).toMatchObject({
      actorName: 'dinas.bungo',
      entityId: u.me.id,
      regionCode: '15.08.01.2004',
    });
    expect(audit!.before).toMatchObject({ scope: ['15.08.01.2003'] });
    expect(audit!.after).toMatchObject({ scope: ['15.08.01.2004'] });
  });

  it('deactivates (no more login) and reactivates a user; reset password ends sessions', async () => {
    const u = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2005' });
    const s = await login(
      tdb.ctx(),
      { username: u.me.username, password: u.password },
      DEFAULT_AUTH_POLICY,
    );
    expect((await setUserActive(tdb.ctx(bungo.actor), u.me.id, false)).active).toBe(false);
    expect(
      await authenticateSession(tdb.database.db, s.token, new Date(), DEFAULT_AUTH_POLICY),
    ).toBeUndefined();
    await expect(
      login(tdb.ctx(), { username: u.me.username, password: u.password }, DEFAULT_AUTH_POLICY),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await setUserActive(tdb.ctx(bungo.actor), u.me.id, true);
    const s2 = await login(
      tdb.ctx(),
      { username: u.me.username, password: u.password },
      DEFAULT_AUTH_POLICY,
    );
    await resetUserPassword(tdb.ctx(bungo.actor), u.me.id, {
      newPassword: 'teh-manis-hangat-pagi',
    });
    expect(
      await authenticateSession(tdb.database.db, s2.token, new Date(), DEFAULT_AUTH_POLICY),
    ).toBeUndefined();
    await expect(
      login(tdb.ctx(), { username: u.me.username, password: u.password }, DEFAULT_AUTH_POLICY),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(
      (
        await login(
          tdb.ctx(),
          { username: u.me.username, password: 'teh-manis-hangat-pagi' },
          DEFAULT_AUTH_POLICY,
        )
      ).user.username,
    ).toBe(u.me.username);
    const actions = (
      await tdb.database.db.select().from(auditLog).where(eq(auditLog.entityId, u.me.id))
    ).map((a) => a.action);
    expect(actions).toEqual([
      'users.create',
      'auth.login',
      'users.deactivate',
      'users.activate',
      'auth.login',
      'users.resetPassword',
      'auth.loginFailed',
      'auth.login',
    ]);
  });
});

describe('own password and sessions', () => {
  it('changes the own password with the current one, keeping this session and ending the others', async () => {
    const u = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2006' });
    const here = await login(
      tdb.ctx(),
      { username: u.me.username, password: u.password },
      DEFAULT_AUTH_POLICY,
    );
    const there = await login(
      tdb.ctx(),
      { username: u.me.username, password: u.password },
      DEFAULT_AUTH_POLICY,
    );
    const me = (await authenticateSession(
      tdb.database.db,
      here.token,
      new Date(),
      DEFAULT_AUTH_POLICY,
    ))!.actor;
    expect((await listOwnSessions(tdb.ctx(me))).map((s) => s.current).sort()).toEqual([
      false,
      true,
    ]);
    await expect(
      changeOwnPassword(tdb.ctx(me), {
        currentPassword: 'salah-sekali-123',
        newPassword: 'kopi-tubruk-sore-hari',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Kata sandi lama salah.',
    });
    await changeOwnPassword(tdb.ctx(me), {
      currentPassword: u.password,
      newPassword: 'kopi-tubruk-sore-hari',
    });
    expect(
      await authenticateSession(tdb.database.db, here.token, new Date(), DEFAULT_AUTH_POLICY),
    ).toBeDefined();
    expect(
      await authenticateSession(tdb.database.db, there.token, new Date(), DEFAULT_AUTH_POLICY),
    ).toBeUndefined();
    expect(await revokeOtherSessions(tdb.ctx(me))).toBe(0);
  });
});
