import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { isDomainError, type ErrorCode } from '../core/errors.ts';

/** The only place where domain error codes become HTTP statuses. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  QUOTA_EXCEEDED: 409,
  LOCKED: 423,
  UNAVAILABLE: 503,
};

const FIELD_NAMES: Record<string, string> = {
  body: 'isian',
  querystring: 'parameter',
  params: 'alamat',
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isDomainError(err)) {
      const status = STATUS_BY_CODE[err.code];
      if (err.code === 'LOCKED' && typeof err.details?.retryAfterMinutes === 'number') {
        void reply.header('retry-after', String(err.details.retryAfterMinutes * 60));
      }
      return reply
        .code(status)
        .send({ error: { code: err.code, message: err.message, details: err.details ?? {} } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [
          FIELD_NAMES[err.validationContext ?? ''] ?? err.validationContext,
          ...v.instancePath.split('/').filter(Boolean),
        ].join('.'),
        message: v.message ?? 'Isian tidak valid.',
      }));
      return reply.code(400).send({
        error: {
          code: 'VALIDATION',
          message: issues[0]?.message ?? 'Isian tidak valid.',
          details: { issues },
        },
      });
    }
    if (err.statusCode === 429) {
      return reply.code(429).send({
        error: {
          code: 'RATE_LIMITED',
          message: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
          details: {},
        },
      });
    }
    if (
      err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err.statusCode === 400 ||
      err.statusCode === 415
    ) {
      return reply.code(err.statusCode ?? 400).send({
        error: {
          code: 'VALIDATION',
          message: 'Permintaan tidak dapat dibaca. Kirim data dalam format JSON yang benar.',
          details: {},
        },
      });
    }
    if (err.statusCode === 413) {
      return reply.code(413).send({
        error: { code: 'VALIDATION', message: 'Data yang dikirim terlalu besar.', details: {} },
      });
    }
    if (isResponseSerializationError(err))
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    else req.log.error({ err }, 'unexpected error');
    return reply.code(500).send({
      error: {
        code: 'INTERNAL',
        message: `Terjadi kesalahan pada server. Sampaikan kode ini kepada admin: ${req.id}`,
        details: { requestId: req.id },
      },
    });
  });

  app.setNotFoundHandler((req, reply) => {
    return reply.code(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `Alamat ${req.method} ${req.url.split('?')[0]} tidak ada.`,
        details: {},
      },
    });
  });
}
