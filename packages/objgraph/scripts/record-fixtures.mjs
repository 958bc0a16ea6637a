/**
 * Record what objgraph prints on real CPython for the scripts in packages/objgraph/fixtures/:
 * each NAME.py runs alone in a scratch folder under CPython 2.7.18 (objgraph 3.5.0) and 3.12.1
 * (objgraph 3.7.0.dev0), stdout+stderr merged, normalized with the conformance rules, and is
 * written to NAME.2.7.out / NAME.3.12.out next to the script.
 *
 *   node packages/objgraph/scripts/record-fixtures.mjs [NAME...]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPython } from '../../../bench/lib.mjs';
import { normalize } from '../../../scripts/normalize.mjs';

const dir = fileURLToPath(new URL('../fixtures/', import.meta.url));
const only = process.argv.slice(2);
const objgraphDirs = {
  '2.7': process.env.HEAPLAB_OBJGRAPH_27 ?? '/work/.cache/objgraph/3.5.0',
  '3.12': process.env.HEAPLAB_OBJGRAPH_312 ?? '/work/.cache/objgraph/head',
};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) {
  const name = file.slice(0, -3);
  if (only.length && !only.includes(name)) continue;
  for (const version of ['2.7', '3.12']) {
    const python = findPython(version);
    if (!python || !existsSync(join(objgraphDirs[version], 'objgraph.py'))) {
      console.log(`skipped: ${name} ${version} (no CPython ${version} or objgraph)`);
      continue;
    }
    const tmp = mkdtempSync(join(tmpdir(), 'og-fixture-'));
    copyFileSync(join(dir, file), join(tmp, file));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PYTHONPATH: objgraphDirs[version], PYTHONDONTWRITEBYTECODE: '1' };
    const r = spawnSync('sh', ['-c', `"${python}" -u ${file} 2>&1`], { cwd: tmp, env, encoding: 'utf8' });
    rmSync(tmp, { recursive: true, force: true });
    writeFileSync(join(dir, `${name}.${version}.out`), normalize(r.stdout));
    console.log(`recorded ${name}.${version}.out${r.status ? ` (exit ${r.status})` : ''}`);
  }
}
