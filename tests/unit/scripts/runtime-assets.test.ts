import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zstdDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { applyRuntimePlan, planRuntimeAssets } from '../../../scripts/lib/runtime-assets.mjs';
import { createZip, readZip } from '../../../scripts/lib/zip.mjs';

const zipOf = (...names: string[]) => createZip(names.map((name) => ({ name, data: Buffer.from(`# ${name}\n`.repeat(50)) })));
const ARCHIVES = {
  'python_stdlib.zip': zipOf('os.py', 'typing.py'),
  'requests-2.34.2-py3-none-any.whl': zipOf('requests/__init__.py', 'requests/api.py'),
  'idna-3.20-py3-none-any.whl': zipOf('idna/__init__.py'),
};

/** A provisioned pyodide/ folder in miniature: the core trio, the stdlib zip, two wheels and their lock. */
function provisioned(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fix401-runtime-'));
  const files: Record<string, string | Buffer> = {
    'pyodide.mjs': 'export const loadPyodide = 1;',
    'pyodide.asm.mjs': 'export default 2;',
    'pyodide.asm.wasm': '\0asm core',
    ...ARCHIVES,
    'versions.json': '{}',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const lock = {
    info: { version: '314.0.7' },
    packages: {
      requests: { name: 'requests', file_name: 'requests-2.34.2-py3-none-any.whl', sha256: 'a' },
      idna: { name: 'idna', file_name: 'idna-3.20-py3-none-any.whl', sha256: 'b' },
    },
  };
  writeFileSync(join(dir, 'pyodide-lock.json'), JSON.stringify(lock));
  return dir;
}

type Plan = ReturnType<typeof planRuntimeAssets>;
/** Where a provisioned file is served: moved as it is, or packed (`.zst`). */
const target = (plan: Plan, from: string) => [...plan.moves, ...plan.packed].find((m) => m.from === from)?.to;
const changedFiles = (before: Plan, after: Plan) =>
  [...after.moves, ...after.packed].filter((m) => target(before, m.from) !== m.to).map((m) => m.from);

describe('content-versioned runtime paths', () => {
  it('puts the core trio in one hashed folder and every other file in its own, names unchanged', () => {
    const plan = planRuntimeAssets(provisioned());
    const core = target(plan, 'pyodide.mjs')!;
    expect(core).toMatch(/^[0-9a-f]{16}\/pyodide\.mjs$/);
    expect(target(plan, 'pyodide.asm.wasm')).toBe(core.replace('pyodide.mjs', 'pyodide.asm.wasm'));
    const requests = target(plan, 'requests-2.34.2-py3-none-any.whl')!;
    expect(requests).toMatch(/^[0-9a-f]{16}\/requests-2\.34\.2-py3-none-any\.whl\.zst$/);
    const stdlib = target(plan, 'python_stdlib.zip')!;
    expect(plan.urls).toEqual({
      core: core.replace('pyodide.mjs', ''),
      // What Pyodide asks for; the worker fetches it with `.zst` added.
      stdlib: stdlib.replace(/\.zst$/, ''),
      lock: plan.lockPath,
      // What the worker fetches: the wasm, the packed stdlib and wheels, and the lock (the .mjs files are imported).
      fetchedBytes: '\0asm core'.length + plan.packed.reduce((n, p) => n + p.data.length, 0) + plan.lockText.length,
      archives: [stdlib, target(plan, 'requests-2.34.2-py3-none-any.whl'), target(plan, 'idna-3.20-py3-none-any.whl')].map((path) =>
        path!.replace(/\.zst$/, ''),
      ),
    });
    const lock = JSON.parse(plan.lockText);
    expect(lock.packages.requests.file_name).toBe(requests.replace(/\.zst$/, ''));
    expect(lock.info).toEqual({ version: '314.0.7' });
  });

  it('packs each archive stored and zstd-compressed, its content unchanged, and the lock has the sha256 Pyodide receives', () => {
    const plan = planRuntimeAssets(provisioned());
    const lock = JSON.parse(plan.lockText);
    for (const [name, zip] of Object.entries(ARCHIVES)) {
      const { data } = plan.packed.find((p) => p.from === name)!;
      const stored = zstdDecompressSync(data);
      const unpacked = readZip(stored).entries.map((e) => [e.name, e.data.toString()]);
      expect(unpacked).toEqual(readZip(zip).entries.map((e) => [e.name, e.data.toString()]));
      // Stored: every local header says method 0.
      expect(stored.readUInt16LE(8)).toBe(0);
      expect(data.length).toBeLessThan(zip.length);
      const entry = Object.values(lock.packages as Record<string, { file_name: string; sha256: string }>).find((e) =>
        e.file_name.endsWith(`/${name}`),
      );
      // The stdlib is not a package; every wheel is, with the unpacked wheel's hash.
      if (name === 'python_stdlib.zip') expect(entry).toBeUndefined();
      else expect(entry!.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    }
  });

  it('is a function of the content: the same files give the same paths', () => {
    expect(planRuntimeAssets(provisioned())).toEqual(planRuntimeAssets(provisioned()));
  });

  it('a changed wheel moves only that wheel and the lock that names it', () => {
    const before = planRuntimeAssets(provisioned());
    const dir = provisioned();
    writeFileSync(join(dir, 'idna-3.20-py3-none-any.whl'), zipOf('idna/__init__.py', 'idna/core.py'));
    const after = planRuntimeAssets(dir);
    expect(changedFiles(before, after)).toEqual(['idna-3.20-py3-none-any.whl']);
    expect(after.lockPath).not.toBe(before.lockPath);
  });

  it('a changed wasm moves the whole core, not the stdlib or the wheels', () => {
    const before = planRuntimeAssets(provisioned());
    const dir = provisioned();
    writeFileSync(join(dir, 'pyodide.asm.wasm'), '\0asm core 2');
    expect(changedFiles(before, planRuntimeAssets(dir))).toEqual(['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm']);
  });

  it('refuses a file it has no rule for, rather than leaving it unversioned', () => {
    const dir = provisioned();
    writeFileSync(join(dir, 'extra.whl'), 'PK');
    expect(() => planRuntimeAssets(dir)).toThrow(/extra\.whl/);
  });

  it('moves a built copy: only versioned folders remain, and the lock is rewritten', () => {
    const source = provisioned();
    const plan = planRuntimeAssets(source);
    const built = mkdtempSync(join(tmpdir(), 'fix401-built-'));
    cpSync(source, built, { recursive: true });
    applyRuntimePlan(built, plan);
    expect(readdirSync(built).every((name) => /^[0-9a-f]{16}$/.test(name))).toBe(true);
    for (const { to } of [...plan.moves, ...plan.packed]) expect(existsSync(join(built, to))).toBe(true);
    const idna = target(plan, 'idna-3.20-py3-none-any.whl')!;
    expect(readFileSync(join(built, idna))).toEqual(plan.packed.find((p) => p.to === idna)!.data);
    // Only the packed copy is served.
    expect(existsSync(join(built, idna.replace(/\.zst$/, '')))).toBe(false);
    expect(JSON.parse(readFileSync(join(built, plan.lockPath), 'utf8')).packages.idna.file_name).toBe(idna.replace(/\.zst$/, ''));
    expect(statSync(join(built, plan.lockPath)).size).toBe(plan.lockText.length);
  });
});
