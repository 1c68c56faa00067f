import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../core/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence beside SameSite cookies: a state-changing request that a browser marks as coming
 * from another site is refused. Requests without Origin (curl, integrations) carry no ambient
 * browser cookie risk and pass.
 */
export const originCheckPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method)) return;
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site') throw forbidden();
    if (!origin) return;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw forbidden();
    }
    const forwarded = req.headers['x-forwarded-host'];
    const expected = [req.headers.host, typeof forwarded === 'string' ? forwarded : undefined];
    if (!expected.includes(host)) throw forbidden();
  });
});

function forbidden(): DomainError {
  return new DomainError(
    'FORBIDDEN',
    'Permintaan ditolak: asal permintaan tidak dikenal (perlindungan CSRF). Muat ulang halaman lalu coba lagi.',
  );
}
