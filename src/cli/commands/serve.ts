import { loadConfig } from '../../core/config.ts';
import { bootstrapDatabase } from '../../core/bootstrap.ts';
import { buildApp } from '../../server/app.ts';
import pino from 'pino';
import { open } from '../runtime.ts';

/**
 * Starts the server. Ctrl-C (SIGINT) or SIGTERM stops accepting requests, lets running ones
 * finish and closes the database cleanly, so the embedded data folder is never left half-written.
 */
export async function serve(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const database = await open(config);
  const boot = await bootstrapDatabase(database, config, log);
  if (boot.admin.created) {
    if (boot.admin.generatedPassword) {
      process.stdout.write(
        `\n  Pengguna pertama dibuat: admin\n  Kata sandi (hanya ditampilkan sekali ini, simpan baik-baik): ${boot.admin.generatedPassword}\n\n`,
      );
    } else {
      process.stdout.write(
        '\n  Pengguna pertama dibuat: admin (kata sandi dari JARING_ADMIN_PASSWORD)\n\n',
      );
    }
  }
  const app = await buildApp({ database, config });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'menghentikan server…');
    try {
      await app.close();
      await database.close();
      process.stdout.write('Jaring berhenti dengan rapi.\n');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'gagal berhenti dengan rapi');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where =
    config.database.kind === 'pglite' ? `PGlite di ${config.database.dataDir}` : 'PostgreSQL';
  process.stdout.write(
    `Jaring siap di http://${config.host}:${config.port} (basis data: ${where}; ${((Date.now() - started) / 1000).toFixed(1)} dtk)\n`,
  );
}
