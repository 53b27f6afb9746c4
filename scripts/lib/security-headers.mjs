// The site's Content-Security-Policy, computed from the built HTML: every inline script that runs
// (Starlight's theme and copy-button snippets) is allowed by its sha256, nothing else inline runs.
// Sent as an HTTP header (not <meta>) so it also binds the Python worker, which gets its policy
// from its own script's response, and so frame-ancestors could be used by a host that wants it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Hosts the learner's code may reach: the mock API answers them inside the page. */
export const PRACTICE_ORIGINS = ['https://api.example.com', 'https://httpbin.org'];

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** sha256 sources of the inline scripts the browser executes (JSON data blocks are not executed). */
export function inlineScriptHashes(distDir) {
  const hashes = new Set();
  for (const file of htmlFiles(distDir)) {
    const html = readFileSync(file, 'utf8');
    for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/\bsrc=/.test(attrs) || /type="application\/(ld\+)?json"/.test(attrs) || !body.trim()) continue;
      hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

/** One line of reason per directive lives in SECURITY.md. */
export function contentSecurityPolicy(distDir) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes(distDir).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${PRACTICE_ORIGINS.join(' ')}`,
    "worker-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
