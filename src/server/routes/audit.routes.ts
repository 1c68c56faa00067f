import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jakartaDate } from '../../core/context.ts';
import {
  AuditFilter,
  AuditList,
  AuditQuery,
  exportAudit,
  listAudit,
} from '../../core/modules/audit/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { errorResponses, sendFile, XLSX_TYPE } from './common.ts';

const errors = errorResponses(400, 401, 403);
const tags = ['audit'];

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Jejak audit di wilayah cakupan Anda',
        querystring: AuditQuery,
        response: { 200: AuditList, ...errors },
      },
    },
    async (req) => listAudit(req.ctx(), req.query),
  );

  r.get(
    '/api/audit/export.xlsx',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Jejak audit (dengan saringan yang sama) sebagai berkas Excel',
        querystring: AuditFilter,
        response: {
          200: z.string().meta({ description: 'Berkas XLSX', format: 'binary' }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      return sendFile(
        req,
        reply,
        (out) => exportAudit(ctx, req.query, out),
        XLSX_TYPE,
        `audit-jaring-${jakartaDate(ctx.now())}.xlsx`,
      );
    },
  );
}
