import { z } from 'zod';

/** The error shape of every failed request (ARCHITECTURE: errors). */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().meta({ description: 'Pesan untuk pengguna, dalam Bahasa Indonesia' }),
    details: z.record(z.string(), z.unknown()),
  }),
});

/** 204: the request succeeded and there is nothing to return. */
export const NoContent = z.null().meta({ description: 'Berhasil, tanpa isi' });
