#!/usr/bin/env node
// After `astro build`: writes <dist>/_headers so a static host (Netlify, Cloudflare Pages) sends the
// same security and caching headers as scripts/serve.mjs. Other hosts: copy these rules by hand.
// --nginx=<file> also writes them as nginx add_header lines for deploy/nginx.conf (docs/deploy.md).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizeBase } from './lib/base-path.mjs';
import { headersFile, nginxHeaders } from './lib/host-headers.mjs';

const dist = resolve(import.meta.dirname, '..', process.env.FIX401_DIST ?? 'dist');
// A subpath build (BASE_PATH=/fix401/) is served under that path: its rules match there.
writeFileSync(join(dist, '_headers'), headersFile(dist, normalizeBase(process.env.BASE_PATH)));
console.log(`[host-headers] wrote ${join(dist, '_headers')}`);

const nginx = process.argv.find((a) => a.startsWith('--nginx='))?.slice('--nginx='.length);
if (nginx) {
  writeFileSync(resolve(nginx), nginxHeaders(dist));
  console.log(`[host-headers] wrote ${resolve(nginx)}`);
}
