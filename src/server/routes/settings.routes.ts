import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  getPrivacySettings,
  PrivacySettings,
  PrivacySettingsInput,
  updatePrivacySettings,
} from '../../core/modules/settings/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { errorResponses } from './common.ts';

const errors = errorResponses(400, 401, 403);
const tags = ['pengaturan'];

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);
  r.get(
    '/api/settings/privacy',
    {
      schema: {
        tags,
        summary: 'Dasar pemrosesan data pribadi dan masa simpan (UU 27/2022)',
        response: { 200: PrivacySettings, ...errors },
      },
    },
    async (req) => getPrivacySettings(req.ctx()),
  );
  r.put(
    '/api/settings/privacy',
    {
      schema: {
        tags,
        summary: 'Mengubah dasar pemrosesan data pribadi (administrator)',
        body: PrivacySettingsInput,
        response: { 200: PrivacySettings, ...errors },
      },
    },
    async (req) => updatePrivacySettings(req.ctx(), req.body),
  );
}
