import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../core/db/client.ts';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
});

export function healthRoutes(database: Database) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/health',
      {
        schema: {
          tags: ['sistem'],
          summary: 'Status layanan dan jenis basis data',
          response: { 200: HealthResponse },
        },
      },
      async () => {
        await database.db.execute('SELECT 1');
        return { status: 'ok' as const, database: database.kind };
      },
    );
  };
}
