import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import '../core/validation.ts';
import type { Config } from '../core/config.ts';
import type { Database } from '../core/db/client.ts';
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from '../core/modules/accounts/index.ts';
import { installErrorHandler } from './error-handler.ts';
import { authPlugin } from './plugins/auth.ts';
import { originCheckPlugin } from './plugins/origin-check.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { regionRoutes } from './routes/regions.routes.ts';
import { userRoutes } from './routes/users.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { settingsRoutes } from './routes/settings.routes.ts';
import { workerRoutes } from './routes/workers.routes.ts';
import { workerDuplicateRoutes } from './routes/worker-duplicates.routes.ts';
import { workerFamilyRoutes } from './routes/worker-family.routes.ts';
import { workerMoveRoutes } from './routes/worker-moves.routes.ts';
import { importRoutes } from './routes/imports.routes.ts';
import { ImportRunner } from '../core/modules/imports/index.ts';
import { budgetRoutes } from './routes/budget.routes.ts';
import { programRoutes } from './routes/programs.routes.ts';
import { enrollmentRoutes } from './routes/enrollments.routes.ts';
import { bpjsRoutes } from './routes/bpjs.routes.ts';
import { continuityRoutes } from './routes/continuity.routes.ts';
import multipart from '@fastify/multipart';

export interface BuildAppOptions {
  database: Database;
  config: Pick<Config, 'session' | 'loginRatePerMinute' | 'cookieSecure' | 'webDir' | 'logLevel'>;
  now?: () => Date;
  /** A pino logger config or false (tests). */
  logger?: boolean | object;
  /** Called for every route as it is registered (the route access test lists them this way). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const now = opts.now ?? (() => new Date());
  const app = Fastify({
    logger: opts.logger ?? { level: opts.config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    trustProxy: false,
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables in a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Jaring API',
        version: '0.1.0',
        description:
          'Perlindungan jaminan sosial ketenagakerjaan bagi pekerja rentan. Semua pesan galat dalam Bahasa Indonesia.',
      },
      components: {
        securitySchemes: { sesi: { type: 'apiKey', in: 'cookie', name: 'jaring_sesi' } },
      },
      security: [{ sesi: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const policy: AuthPolicy = { ...DEFAULT_AUTH_POLICY, ...opts.config.session };
  await app.register(originCheckPlugin);
  await app.register(authPlugin, { database: opts.database, policy, now });
  await app.register(healthRoutes(opts.database));
  await app.register(
    authRoutes({
      database: opts.database,
      policy,
      now,
      cookieSecure: opts.config.cookieSecure,
      loginRatePerMinute: opts.config.loginRatePerMinute,
    }),
  );
  await app.register(regionRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(settingsRoutes);
  await app.register(workerRoutes);
  await app.register(workerDuplicateRoutes);
  await app.register(workerFamilyRoutes);
  await app.register(workerMoveRoutes);
  await app.register(multipart);
  const imports = new ImportRunner(opts.database.db, app.log, {
    embedded: opts.database.kind === 'pglite',
  });
  await imports.start();
  app.addHook('onClose', () => imports.stop());
  await app.register(importRoutes, { runner: imports });
  await app.register(budgetRoutes);
  await app.register(programRoutes);
  await app.register(enrollmentRoutes);
  await app.register(bpjsRoutes);
  await app.register(continuityRoutes);
  await registerWeb(app, opts.config.webDir);
  return app;
}

/** The built single-page app, with index.html for every non-API path so deep links work. */
async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ webDir }, 'tampilan web belum dibangun: jalankan `npm run build:web`');
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: 'index.html',
  });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    // A missing file (an API path, or an old asset after a new build) is a 404, never the page:
    // a script answered with HTML leaves a blank screen. ("/wilayah/15.08" is a page: a file
    // extension starts with a letter.)
    if (
      pathname.startsWith('/api/') ||
      pathname.startsWith('/assets/') ||
      /\.[a-z][a-z0-9]*$/i.test(pathname)
    ) {
      return reply.code(404).send({
        error: { code: 'NOT_FOUND', message: `Alamat ${pathname} tidak ada.`, details: {} },
      });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
