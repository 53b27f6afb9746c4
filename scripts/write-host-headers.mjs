#!/usr/bin/env node
// After `astro build`: writes <dist>/_headers so a static host (Netlify, Cloudflare Pages) sends the
// same security and caching headers as scripts/serve.mjs. Other hosts: copy these rules by hand.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { headersFile } from './lib/host-headers.mjs';

const dist = resolve(import.meta.dirname, '..', process.env.FIX401_DIST ?? 'dist');
writeFileSync(join(dist, '_headers'), headersFile(dist));
console.log(`[host-headers] wrote ${join(dist, '_headers')}`);
