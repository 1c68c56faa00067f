#!/usr/bin/env node
// Runs one benchmark: `npm run bench -- <name> [args…]` runs bench/<name>.bench.ts with tsx.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const SUFFIX = '.bench.ts';

function available() {
  if (!fs.existsSync(benchDir)) return [];
  return fs
    .readdirSync(benchDir)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

const [name, ...rest] = process.argv.slice(2);
const names = available();

if (!name || name === '--help' || name === '-h' || !names.includes(name)) {
  if (name && name !== '--help' && name !== '-h') console.error(`Unknown benchmark: ${name}\n`);
  console.error('Usage: npm run bench -- <name> [options]\n');
  console.error('Available benchmarks:');
  for (const n of names) console.error(`  ${n}    (bench/${n}${SUFFIX})`);
  if (names.length === 0) console.error('  (none)');
  process.exit(name && name !== '--help' && name !== '-h' ? 2 : 0);
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(benchDir, name + SUFFIX), ...rest],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

// Ctrl-C reaches the child through the terminal's process group; forward explicit kills too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}

child.on('error', (e) => {
  console.error(`Could not start the benchmark: ${e.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
