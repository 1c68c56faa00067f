import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundledRegionSource } from '../src/core/modules/regions/index.ts';

const root = path.resolve(import.meta.dirname, '..');
export const MIGRATIONS_DIR = path.join(root, 'src/core/db/migrations');

/**
 * A key that changes whenever the prepared test database would: the migrations, the register
 * version and the loader code.
 */
export function templateKey(): string {
  const h = crypto.createHash('sha256');
  const files = [
    ...fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => path.join(MIGRATIONS_DIR, f)),
    ...fs
      .readdirSync(path.join(root, 'src/core/modules/regions'))
      .filter((f) => !f.endsWith('.test.ts'))
      .map((f) => path.join(root, 'src/core/modules/regions', f)),
  ].sort();
  for (const f of files) h.update(fs.readFileSync(f));
  h.update(bundledRegionSource().version);
  return h.digest('hex').slice(0, 12);
}

export const CACHE_DIR = path.join(root, 'node_modules/.cache/jaring-test');
