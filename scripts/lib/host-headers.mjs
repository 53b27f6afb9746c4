// The HTTP headers the site needs from whatever serves it, in one place: scripts/serve.mjs sends
// them, and scripts/write-host-headers.mjs writes them as a `_headers` file for static hosts.
import { contentSecurityPolicy } from './security-headers.mjs';

/**
 * `/_astro/*` names carry a content hash: immutable for a year. `/pyodide/*` names do not
 * (pyodide.asm.wasm keeps its name across Pyodide versions), so they, like HTML, are revalidated:
 * a repeat visit gets 304s and downloads nothing, and an upgrade never pairs old wasm with new JS.
 */
export const IMMUTABLE_PREFIX = '/_astro/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

/** @param {string} pathname */
export function cacheControl(pathname) {
  return pathname.startsWith(IMMUTABLE_PREFIX) ? IMMUTABLE : REVALIDATE;
}

/**
 * Headers sent with every response (see SECURITY.md).
 * @param {string} distDir  the built site, whose inline scripts the CSP allows by hash
 */
export function securityHeaders(distDir) {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': contentSecurityPolicy(distDir),
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * A `_headers` file (Netlify and Cloudflare Pages read this format). Cache-Control is set only
 * under IMMUTABLE_PREFIX: both hosts revalidate everything else by default, and Cloudflare joins the
 * values of two matching rules with a comma, so an overlapping `/*` rule would corrupt it.
 * Paths in `_headers` are the URL paths the host serves, so a subpath build's rules carry its base.
 * @param {string} distDir
 * @param {string} [base]  the build's base path, `/` or `/fix401/` (scripts/lib/base-path.mjs)
 */
export function headersFile(distDir, base = '/') {
  const lines = [`${base}*`, ...Object.entries(securityHeaders(distDir)).map(([name, value]) => `  ${name}: ${value}`)];
  lines.push(`${base}${IMMUTABLE_PREFIX.slice(1)}*`, `  Cache-Control: ${IMMUTABLE}`);
  return `${lines.join('\n')}\n`;
}
