/** A tiny element builder: text always goes through text nodes, never innerHTML. */

/** What `h` accepts as children; falsy values are skipped so callers can write `cond && node`. */
export type Child = Node | string | null | undefined | false;

/** Attribute values; `true` sets an empty attribute, `false`/`undefined` leave it out. */
export type Attrs = Record<string, string | number | boolean | undefined>;

/** Creates `<tag attrs>children</tag>`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** Plain words with `backticked` spans as <code>, the way decision reasons are written. */
export function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split('`').forEach((part, i) => {
    if (part) fragment.append(i % 2 === 1 ? h('code', {}, part) : part);
  });
  return fragment;
}

let counter = 0;

/** A document-unique id for aria-controls / aria-describedby. */
export function uid(prefix: string): string {
  counter += 1;
  return `fx-insp-${prefix}-${counter}`;
}
