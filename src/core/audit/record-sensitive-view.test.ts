import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/audit.ts';
import { aUser } from '../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { recordSensitiveView } from './record-sensitive-view.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

describe('recording a view of a full identifier', () => {
  it('writes who saw which field of which record, in the region of the record', async () => {
    const operator = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' });
    await tdb.database.db.transaction((tx) =>
      recordSensitiveView(
        tx,
        { actor: operator.actor, requestId: 'req-1' },
        { entity: 'worker', entityId: 'w-1', regionCode: '15.08.01.2001', fields: ['nik'] },
      ),
    );
    const [row] = await tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'personal.view'));
    expect(row).toMatchObject({
      actorName: operator.me.username,
      entity: 'worker',
      entityId: 'w-1',
      regionCode: '15.08.01.2001',
      requestId: 'req-1',
      after: { fields: ['nik'] },
    });
  });

  it('refuses an auditor, who sees masked values only', async () => {
    const auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
    await expect(
      tdb.database.db.transaction((tx) =>
        recordSensitiveView(
          tx,
          { actor: auditor.actor },
          { entity: 'worker', entityId: 'w-1', regionCode: '15.08.01.2001', fields: ['nik'] },
        ),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
