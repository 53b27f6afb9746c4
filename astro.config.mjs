// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { baseLinks, normalizeBase } from './scripts/lib/base-path.mjs';
import { offlineCourse } from './scripts/lib/offline-manifest.mjs';
import { runtimeAssets } from './scripts/lib/runtime-integration.mjs';

/** `BASE_PATH=/fix401/ npm run build` serves the whole site under that path (docs/deploy.md). */
const base = normalizeBase(process.env.BASE_PATH);
/** Another public/ (the benchmark's new-deploy build swaps one wheel in a copy: scripts/bench/deploy.mjs). */
const publicDir = process.env.FIX401_PUBLIC_DIR
  ? pathToFileURL(`${process.env.FIX401_PUBLIC_DIR}/`)
  : new URL('./public/', import.meta.url);

/**
 * The syllabus in file order (content/lessons/NN-slug.mdx). Starlight's autogenerate cannot see
 * lessons kept outside src/content/docs, so the list is built here.
 */
function lessonSlugs() {
  return readdirSync(new URL('./content/lessons/', import.meta.url))
    .filter((f) => /^\d+-.+\.mdx$/.test(f))
    .sort()
    .map((f) => `lessons/${f.replace(/^\d+-/, '').replace(/\.mdx$/, '')}`);
}

/**
 * Monaco's ES modules import their own CSS files; Vite would link that CSS (91 KB) on every
 * lesson page, render-blocking, although Monaco loads only when the learner focuses the code.
 * The editor injects the same CSS itself when it loads (src/editor/monaco-editor.ts), so those
 * module imports become empty here.
 */
/** @returns {import('vite').Plugin} */
function monacoCssOnDemand() {
  const EMPTY = '\0fix401:empty-monaco-css';
  return {
    name: 'fix401:monaco-css-on-demand',
    enforce: 'pre',
    /** @param {string} source @param {string | undefined} importer */
    resolveId(source, importer) {
      if (source.endsWith('.css') && importer?.includes('/monaco-editor/esm/')) return EMPTY;
      return null;
    },
    /** @param {string} id */
    load(id) {
      return id === EMPTY ? 'export {};' : null;
    },
  };
}

/**
 * Starlight's search builds Pagefind's UI (26 KB gzip) when any page goes idle; lesson pages keep
 * their script before interaction under 40 KB only if it waits until someone searches. Starlight's
 * import of it is answered by src/components/pagefind-on-demand.ts, which loads it on demand.
 */
/** @returns {import('vite').Plugin} */
function pagefindOnDemand() {
  const onDemand = fileURLToPath(new URL('./src/components/pagefind-on-demand.ts', import.meta.url));
  return {
    name: 'fix401:pagefind-on-demand',
    enforce: 'pre',
    /** @param {string} source @param {string | undefined} importer */
    resolveId(source, importer) {
      if (source === '@pagefind/default-ui' && importer?.includes('/@astrojs/starlight/') && importer.includes('Search.astro'))
        return onDemand;
      return null;
    },
  };
}

export default defineConfig({
  site: 'https://fix401.example.org',
  base,
  publicDir: fileURLToPath(publicDir),
  // FIX401_DIST lets several builds coexist (parallel authoring); the default is dist/.
  outDir: process.env.FIX401_DIST ?? './dist',
  cacheDir: process.env.FIX401_DIST ? `${process.env.FIX401_DIST}-cache` : './node_modules/.astro',
  integrations: [
    starlight({
      title: 'Fix401',
      description: 'Why does requests.post return 401 Unauthorized? Learn it by fixing real requests in your browser.',
      sidebar: [
        { label: 'Lessons', items: lessonSlugs().map((slug) => ({ slug })) },
        {
          label: 'Practice',
          items: [
            { label: 'Playground', link: '/playground/' },
            { label: 'Scenario catalog', link: '/scenarios/' },
            { label: 'Your progress', link: '/progress/' },
            { label: 'The 401 doctor', link: '/doctor/' },
          ],
        },
      ],
      components: { Sidebar: './src/components/SidebarWithProgress.astro', SocialIcons: './src/components/SocialIconsWithOffline.astro' },
      routeMiddleware: './src/route-data.ts',
      customCss: ['./src/styles/exercise.css', './src/styles/lesson.css'],
      // Wrapped code never scrolls sideways, so no code block becomes an unnamed scroll region.
      expressiveCode: { defaultProps: { wrap: true } },
      // Learners arrive from search engines on a phone as often as on a laptop: keep pages static.
      pagination: true,
    }),
    // Lessons link with root-relative paths (`/lessons/x/`); under a base path they get its prefix.
    baseLinks(base),
    // Python's files under content-versioned paths (cached as immutable), and .br/.gz copies.
    runtimeAssets(publicDir, new URL('./.cache/precompressed/', import.meta.url)),
    // The site's service worker, sw.js: the offline course in front of MSW's worker (after the above, which moves Python's files).
    offlineCourse(new URL('./src/offline/service-worker.js', import.meta.url), base),
  ],
  vite: {
    plugins: [monacoCssOnDemand(), pagefindOnDemand()],
    worker: { format: 'es' },
    build: { assetsInlineLimit: 0 },
  },
});
