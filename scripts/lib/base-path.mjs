// Subpath builds (`BASE_PATH=/fix401/ npm run build`): the site's base path, in one place for the
// Astro config, the `_headers` writer and the tests, and the rehype plugin that puts it in front of
// the root-relative links lessons are written with (`[x](/lessons/still-401/)`).

/**
 * `BASE_PATH` as Astro's `base`: always with a leading and a trailing slash (`/fix401/`), because
 * the code joins `import.meta.env.BASE_URL` with relative names (`${BASE_URL}pyodide/`).
 * @param {string | undefined} value
 */
export function normalizeBase(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed && !/^[A-Za-z0-9._~\-/]+$/.test(trimmed))
    throw new Error(`BASE_PATH ${JSON.stringify(value)}: use letters, digits, - _ . ~ and /`);
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * `/lessons/x/` → `/fix401/lessons/x/`; leaves alone links that are not root-relative (`//host`,
 * `https:`, `#frag`, `./x`) and those already under the base.
 * @param {string} url
 * @param {string} base  as from normalizeBase
 */
export function withBase(url, base) {
  if (base === '/' || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url === base.slice(0, -1) || url.startsWith(base)) return url;
  return base + url.slice(1);
}

/**
 * An Astro integration: every `href` and `src` in Markdown/MDX output that points at the site root
 * gets the base path, so lessons keep writing `/lessons/…` whatever path the site is deployed under.
 * It adds a hast plugin to the configured Markdown processor (Sätteri, Astro 7's default, as
 * Starlight does for its own transforms; or unified's rehype list) so no processor is installed for it.
 * @param {string} base  as from normalizeBase
 * @returns {import('astro').AstroIntegration}
 */
export function baseLinks(base) {
  return {
    name: 'fix401:base-links',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        if (base === '/') return;
        const options = /** @type {any} */ (config.markdown?.processor)?.options;
        if (Array.isArray(options?.hastPlugins)) {
          options.hastPlugins.push({
            name: 'fix401-base-links',
            element: {
              filter: ['a', 'img', 'source'],
              /** @param {any} node @param {any} ctx */
              visit(node, ctx) {
                for (const name of ['href', 'src']) {
                  const value = node.properties?.[name];
                  if (typeof value === 'string' && withBase(value, base) !== value) ctx.setProperty(node, name, withBase(value, base));
                }
              },
            },
          });
        } else if (Array.isArray(options?.rehypePlugins)) {
          options.rehypePlugins.push(() => (/** @type {any} */ tree) => prefixTree(tree, base));
        } else {
          logger.warn('unknown Markdown processor: root-relative links in lessons will not get the base path');
        }
      },
    },
  };
}

/** @param {any} node @param {string} base */
function prefixTree(node, base) {
  if (node.type === 'element' && node.properties) {
    for (const name of ['href', 'src']) {
      if (typeof node.properties[name] === 'string') node.properties[name] = withBase(node.properties[name], base);
    }
  }
  for (const child of node.children ?? []) prefixTree(child, base);
}
