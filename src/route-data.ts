/**
 * Starlight route middleware: a subpath build (`BASE_PATH=/fix401/`) needs the base path in front
 * of the root-relative links a page's frontmatter gives (the home page's hero actions). Starlight
 * adds it to its own sidebar and pagination links; links in lesson prose get it from the
 * `baseLinks` Markdown plugin (scripts/lib/base-path.mjs).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export const onRequest = defineRouteMiddleware((context) => {
  if (BASE === '/') return;
  for (const action of context.locals.starlightRoute.entry.data.hero?.actions ?? []) {
    if (action.link.startsWith('/') && !action.link.startsWith('//') && !action.link.startsWith(BASE))
      action.link = BASE + action.link.slice(1);
  }
});
