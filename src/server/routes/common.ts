import type { Writable } from 'node:stream';
import { PassThrough } from 'node:stream';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jakartaDate, type Ctx } from '../../core/context.ts';

/** The error shape of every failed request (ARCHITECTURE: errors). */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().meta({ description: 'Pesan untuk pengguna, dalam Bahasa Indonesia' }),
    details: z.record(z.string(), z.unknown()),
  }),
});

/** The error answers a route documents, each with the one error shape: errorResponses(400, 404). */
export function errorResponses<C extends number>(...codes: C[]): Record<C, typeof ErrorResponse> {
  return Object.fromEntries(codes.map((c) => [c, ErrorResponse])) as Record<
    C,
    typeof ErrorResponse
  >;
}

/** The `:id` of a record (uuid; anything else simply finds nothing). */
export const IdParams = z.object({ id: z.string().max(64) });

/** 204: the request succeeded and there is nothing to return. */
export const NoContent = z.null().meta({ description: 'Berhasil, tanpa isi' });

/** A downloaded file in the OpenAPI document. */
export const file = (description: string) => z.string().meta({ description, format: 'binary' });

/** The content type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Streams a generated file. Writing starts before the answer is sent, so an error before the first
 * byte (permission, not found) still reaches the error handler as a proper status; a later error
 * ends the download.
 */
export async function sendFile(
  req: FastifyRequest,
  reply: FastifyReply,
  write: (out: Writable) => Promise<unknown>,
  type: string,
  fileName: string,
) {
  const out = new PassThrough();
  const done = write(out);
  await Promise.race([done, new Promise((resolve) => out.once('readable', resolve))]);
  done.catch((err: unknown) => {
    req.log.error({ err, fileName }, 'file download failed');
    out.destroy(err as Error);
  });
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(out); // a stream: Fastify pipes it and skips the serializer
}

type Format = 'xlsx' | 'pdf';

/**
 * GET `<path>.xlsx` and `<path>.pdf`: a list an office files or signs (core/table-export.ts),
 * streamed by sendFile, 30 a minute per user, documented with one summary per format. The file is
 * named `<fileName>-YYYY-MM-DD.<format>` (the day in Jakarta).
 */
export function tableDownloads<Q extends z.ZodType, P extends z.ZodType>(
  r: FastifyInstance<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    FastifyBaseLogger,
    ZodTypeProvider
  >,
  opts: {
    path: string;
    tags: string[];
    summary: Record<Format, string>;
    params?: P;
    querystring: Q;
    errors: Record<number, typeof ErrorResponse>;
    fileName: string;
    write: (
      ctx: Ctx,
      req: { params: z.infer<P>; query: z.infer<Q> },
      format: Format,
      out: Writable,
    ) => Promise<unknown>;
  },
): void {
  for (const format of ['xlsx', 'pdf'] as const) {
    r.get(
      `${opts.path}.${format}`,
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: opts.tags,
          summary: opts.summary[format],
          ...(opts.params ? { params: opts.params } : {}),
          querystring: opts.querystring,
          response: { 200: file(`Berkas ${format.toUpperCase()}`), ...opts.errors },
        },
      },
      async (req, reply) => {
        const ctx = req.ctx();
        const input = { params: req.params as z.infer<P>, query: req.query as z.infer<Q> };
        return sendFile(
          req,
          reply,
          (out) => opts.write(ctx, input, format, out),
          format === 'xlsx' ? XLSX_TYPE : 'application/pdf',
          `${opts.fileName}-${jakartaDate(ctx.now())}.${format}`,
        );
      },
    );
  }
}
