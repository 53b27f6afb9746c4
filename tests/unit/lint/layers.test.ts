import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * Lints `code` as if it were the file at `filePath`, with the project's config. The file does not
 * exist, so the type-aware rules (which need it in the TypeScript project) are left out.
 */
async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }] });
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${String(m.ruleId)}: ${m.message}`);
}

describe('layer rules', () => {
  it('refuse an import of exercises from mock-api, static or dynamic', async () => {
    const messages = await lint(
      'src/mock-api/layer-probe.ts',
      "import { loadScenario } from '../exercises/load';\nexport const later = () => import('../exercises/load');\nexport { loadScenario };\n",
    );
    expect(messages).toEqual([
      "@typescript-eslint/no-restricted-imports: '../exercises/load' import is restricted from being used by a pattern. mock-api imports nothing of ours and nothing of Astro",
      'no-restricted-syntax: mock-api imports nothing of ours and nothing of Astro',
    ]);
  }, 60_000);

  it('refuse Astro in mock-api', async () => {
    const messages = await lint('src/mock-api/handlers/layer-probe.ts', "import { z } from 'astro/zod';\nexport const s = z.string();\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('mock-api imports nothing of ours and nothing of Astro');
  }, 60_000);

  it('let the runtime page side take only types from mock-api', async () => {
    const typeOnly = await lint(
      'src/runtime/layer-probe.ts',
      "import type { Exchange } from '../mock-api/contract';\nexport type E = Exchange;\n",
    );
    expect(typeOnly).toEqual([]);
    const value = await lint(
      'src/runtime/layer-probe.ts',
      "import { createClock } from '../mock-api/clock';\nexport const c = createClock;\n",
    );
    expect(value).toHaveLength(1);
    expect(value[0]).toContain('the runtime page side imports only types from mock-api');
  }, 60_000);

  it('let exercises import down the layers but not upward', async () => {
    expect(
      await lint('src/exercises/layer-probe.ts', "import { createClock } from '../mock-api/clock';\nexport const c = createClock;\n"),
    ).toEqual([]);
    const up = await lint('src/exercises/layer-probe.ts', "export const p = () => import('../pages/playground.astro');\n");
    expect(up).toEqual(['no-restricted-syntax: exercises and doctor import only each other, inspector, runtime, editor and mock-api']);
  }, 60_000);
});
