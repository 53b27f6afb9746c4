/**
 * JSON handled as text, never re-serialised through `JSON.parse`: the Inspector must show a body
 * as it was sent (duplicate keys, big numbers and key order all matter when a request is wrong),
 * so masking and pretty-printing work on the original tokens.
 */

// Strings (with escapes), punctuation, bare scalars and whitespace: enough for text that is valid JSON.
const TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\]:,]|[^"{}[\]:,\s]+|\s+/g;

/** True for a JSON object or array (bare scalars are not worth pretty-printing). */
export function isJsonDocument(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const isBlank = (token: string): boolean => /^\s/.test(token);

function nextSolid(list: string[], from: number): number {
  let i = from;
  while (i < list.length && isBlank(list[i])) i++;
  return i;
}

/**
 * Replaces the scalar value of object members for which `mask(key, value)` returns a string;
 * everything else is kept byte for byte. Call only on text `isJsonDocument` accepted.
 */
export function maskJsonMembers(text: string, mask: (key: string, value: string) => string | null): string {
  const list = tokens(text);
  let key: string | null = null;
  for (let i = 0; i < list.length; i++) {
    const token = list[i];
    if (isBlank(token) || token === ':') continue;
    const isString = token.startsWith('"');
    if (isString && list[nextSolid(list, i + 1)] === ':') {
      key = JSON.parse(token) as string;
      continue;
    }
    if (key !== null && !/^[{[,\]}]$/.test(token) && !/^(null|true|false)$/.test(token)) {
      const replaced = mask(key, isString ? (JSON.parse(token) as string) : token);
      if (replaced !== null) list[i] = JSON.stringify(replaced);
    }
    key = null;
  }
  return list.join('');
}

/** Two-space indentation of JSON text, keeping every token exactly as written. */
export function prettyJson(text: string): string {
  const list = tokens(text).filter((t) => !isBlank(t));
  let out = '';
  let depth = 0;
  const newline = (): string => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < list.length; i++) {
    const token = list[i];
    if (token === '{' || token === '[') {
      const close = token === '{' ? '}' : ']';
      if (list[i + 1] === close) {
        out += token + close;
        i++;
      } else {
        depth++;
        out += token + newline();
      }
    } else if (token === '}' || token === ']') {
      depth--;
      out += newline() + token;
    } else if (token === ',') out += `,${newline()}`;
    else if (token === ':') out += ': ';
    else out += token;
  }
  return out;
}

/** JSON with object keys sorted, for "same data, written differently" comparisons. */
export function canonicalJson(text: string): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, sort(v)]),
      );
    return value;
  };
  return JSON.stringify(sort(JSON.parse(text)));
}
