/**
 * Every `@example` in this package's doc comments runs: each block is transpiled from TypeScript
 * and executed with its imports bound to the real modules. Lines ending in `// <value>` are
 * checked when the value is a literal (`// true`, `// 1`, `// 'k'`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as gcModule from '@heaplab/gc';
import * as heapModule from '@heaplab/heap';
import * as weakrefModule from './index.js';

const here = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'testing') out.push(...sourceFiles(p));
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

interface Example {
  file: string;
  line: number;
  code: string;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const file of sourceFiles(here)) {
    const text = readFileSync(file, 'utf8');
    const re = /@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const code = m[1]!
        .split('\n')
        .map((l) => l.replace(/^\s*\* ?/, ''))
        .join('\n');
      out.push({ file: file.slice(here.length), line: text.slice(0, m.index).split('\n').length, code });
    }
  }
  return out;
}

const modules: Record<string, unknown> = {
  '@heaplab/heap': heapModule,
  '@heaplab/gc': gcModule,
  '@heaplab/weakref': weakrefModule,
};

/** Turn `expr; // literal` lines into checks. */
function withChecks(code: string): string {
  return code
    .split('\n')
    .map((line) => {
      const m = /^(\s*)([^/].*?);\s*\/\/\s*(true|false|-?\d+|'[^']*'|"[^"]*")(\s.*)?$/.exec(line);
      if (m === null || /^\s*(const|let|import|for|if)\b/.test(m[2]!)) return line;
      return `${m[1]}__check(${m[2]}, ${m[3]}, ${JSON.stringify(m[2])});`;
    })
    .join('\n');
}

function run(code: string): unknown {
  const js = ts.transpileModule(withChecks(code), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const body = js.replace(/import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"];?/g, (_all, names: string, mod: string) => {
    const binds = names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '' && !n.startsWith('type '))
      .map((n) => n.replace(/\s+as\s+/, ': '));
    return `const { ${binds.join(', ')} } = __mods[${JSON.stringify(mod)}];`;
  });
  const check = (got: unknown, want: unknown, text: string): void => {
    expect(got, text).toEqual(want);
  };
  return new Function('__mods', '__check', body)(modules, check);
}

describe('doc-comment examples', () => {
  const all = examples();
  it('every exported API has examples to run', () => {
    expect(all.length).toBeGreaterThan(15);
  });
  for (const ex of all) {
    it(`${ex.file}:${ex.line}`, () => {
      run(ex.code);
    });
  }
});
