#!/usr/bin/env node
// Builds the web app into dist/web with Vite's JS API.
// `--if-stale` skips the build when dist/web/index.html is newer than every input file.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const output = join(root, 'dist/web/index.html');
const configFile = join(root, 'vite.config.ts');

/** Newest modification time (ms) among files under `dir` accepted by `accept`. */
function newestMtime(dir, accept) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') newest = Math.max(newest, newestMtime(path, accept));
    } else if (accept(path)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function isStale() {
  if (!existsSync(output)) return true;
  const builtAt = statSync(output).mtimeMs;
  const inputs = Math.max(
    newestMtime(join(root, 'src/web'), () => true),
    newestMtime(join(root, 'src/core'), (p) => p.endsWith('.schema.ts')),
    newestMtime(join(root, 'src/core/rules'), () => true),
    existsSync(configFile) ? statSync(configFile).mtimeMs : 0,
    statSync(join(root, 'postcss.config.cjs'), { throwIfNoEntry: false })?.mtimeMs ?? 0,
  );
  return inputs > builtAt;
}

async function main() {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) {
    console.log(`web: up-to-date (${relative(root, output)})`);
    return;
  }
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile, logLevel: process.env.VITE_LOG_LEVEL ?? 'warn' });
  console.log(
    `web: built ${relative(root, output)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((err) => {
  console.error('web: build failed');
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
