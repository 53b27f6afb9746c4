import { defineConfig } from 'vitest/config';

/** `npm run oracle`: native CPython against the sandbox's golden transcripts (tests/oracle/). */
export default defineConfig({
  test: { include: ['tests/oracle/**/*.test.ts'], environment: 'node' },
});
