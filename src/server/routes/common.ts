import type { Writable } from 'node:stream';
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

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
