import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRuntimePlan, planRuntimeAssets } from '../../../scripts/lib/runtime-assets.mjs';

/** A provisioned pyodide/ folder in miniature: the core trio, the stdlib zip, two wheels and their lock. */
function provisioned(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fix401-runtime-'));
  const files: Record<string, string> = {
    'pyodide.mjs': 'export const loadPyodide = 1;',
    'pyodide.asm.mjs': 'export default 2;',
    'pyodide.asm.wasm': '\0asm core',
    'python_stdlib.zip': 'PK stdlib',
    'requests-2.34.2-py3-none-any.whl': 'PK requests',
    'idna-3.20-py3-none-any.whl': 'PK idna',
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

const target = (plan: ReturnType<typeof planRuntimeAssets>, from: string) => plan.moves.find((m) => m.from === from)?.to;

describe('content-versioned runtime paths', () => {
  it('puts the core trio in one hashed folder and every other file in its own, names unchanged', () => {
    const plan = planRuntimeAssets(provisioned());
    const core = target(plan, 'pyodide.mjs')!;
    expect(core).toMatch(/^[0-9a-f]{16}\/pyodide\.mjs$/);
    expect(target(plan, 'pyodide.asm.wasm')).toBe(core.replace('pyodide.mjs', 'pyodide.asm.wasm'));
    expect(target(plan, 'requests-2.34.2-py3-none-any.whl')).toMatch(/^[0-9a-f]{16}\/requests-2\.34\.2-py3-none-any\.whl$/);
    expect(plan.urls).toEqual({
      core: core.replace('pyodide.mjs', ''),
      stdlib: target(plan, 'python_stdlib.zip'),
      lock: plan.lockPath,
      // What the worker fetches: the wasm, the stdlib, the wheels and the lock (the .mjs files are imported).
      fetchedBytes: '\0asm core'.length + 'PK stdlib'.length + 'PK requests'.length + 'PK idna'.length + plan.lockText.length,
    });
    const lock = JSON.parse(plan.lockText);
    expect(lock.packages.requests.file_name).toBe(target(plan, 'requests-2.34.2-py3-none-any.whl'));
    expect(lock.info).toEqual({ version: '314.0.7' });
  });

  it('is a function of the content: the same files give the same paths', () => {
    expect(planRuntimeAssets(provisioned())).toEqual(planRuntimeAssets(provisioned()));
  });

  it('a changed wheel moves only that wheel and the lock that names it', () => {
    const before = planRuntimeAssets(provisioned());
    const dir = provisioned();
    writeFileSync(join(dir, 'idna-3.20-py3-none-any.whl'), 'PK idna, rebuilt');
    const after = planRuntimeAssets(dir);
    const changed = after.moves.filter((m) => target(before, m.from) !== m.to).map((m) => m.from);
    expect(changed).toEqual(['idna-3.20-py3-none-any.whl']);
    expect(after.lockPath).not.toBe(before.lockPath);
  });

  it('a changed wasm moves the whole core, not the stdlib or the wheels', () => {
    const before = planRuntimeAssets(provisioned());
    const dir = provisioned();
    writeFileSync(join(dir, 'pyodide.asm.wasm'), '\0asm core 2');
    const changed = planRuntimeAssets(dir)
      .moves.filter((m) => target(before, m.from) !== m.to)
      .map((m) => m.from);
    expect(changed).toEqual(['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm']);
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
    for (const { to } of plan.moves) expect(existsSync(join(built, to))).toBe(true);
    expect(readFileSync(join(built, target(plan, 'idna-3.20-py3-none-any.whl')!), 'utf8')).toBe('PK idna');
    expect(JSON.parse(readFileSync(join(built, plan.lockPath), 'utf8')).packages.idna.file_name).toBe(
      target(plan, 'idna-3.20-py3-none-any.whl'),
    );
  });
});
