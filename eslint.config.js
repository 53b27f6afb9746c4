import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';
import { layerRules } from './eslint.layers.js';

const TYPED = ['src/**/*.ts'];

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'public/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  tseslint.configs.strict,
  eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Type-aware rules where the code ships: src/'s TypeScript.
  {
    files: TYPED,
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Statuses, counts and sizes are numbers on purpose; String(n) around each would add nothing.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => void x()` callbacks (event handlers, .then) read better than braces around one call.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Without noUncheckedIndexedAccess, indexing and regex groups are typed as always present, so this rule asks to drop the guards that keep them safe.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Async DOM listeners here catch their own errors; the DOM ignores what a listener returns.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['src/runtime/python.worker.ts'],
    rules: {
      // Pyodide types its Python boundary (pyimport, FS, PyProxy calls) as any; the worker narrows each result where it uses it.
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  layerRules,
);
