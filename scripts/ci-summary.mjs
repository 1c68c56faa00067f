// Reads Vitest JSON reports and prints one closing line per suite and a total, in the plain
// "N passed, N failed" form that CI reads. Exits non-zero if any test failed or none ran.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const label = file.replace(/^.*\/|\.json$/g, '');
  if (!fs.existsSync(file)) {
    console.log(`${label}: report missing`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const p = r.numPassedTests ?? 0;
  // A file that fails to load has no failed test but a failed suite: count it; otherwise count
  // the tests (a failed test also fails its file and its describe block: not three failures).
  const f = (r.numFailedTests ?? 0) > 0 ? r.numFailedTests : (r.numFailedTestSuites ?? 0);
  const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${label}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
  passed += p;
  failed += f;
  skipped += s;
}
console.log(`total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
