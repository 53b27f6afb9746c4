/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), as browser devtools export it:
 * `log.entries[]` with `request` and `response`. The entry that explains a 401 is the last one
 * whose answer was an authentication failure, else the last entry; the 3xx entries before it that
 * led there are its history.
 */
import type { HeaderField, ParsedResponse } from './types';

/** As pasted: untrusted JSON, so a field may be missing or of another type. */
interface HarHeader {
  name?: unknown;
  value?: unknown;
}
interface HarEntry {
  request?: { method?: string; url?: string; headers?: HarHeader[] };
  response?: {
    status?: number;
    statusText?: string;
    headers?: HarHeader[];
    content?: { text?: string; encoding?: string };
    redirectURL?: string;
  };
}

const fields = (headers: HarHeader[] | undefined): HeaderField[] =>
  (headers ?? [])
    .filter((h): h is HarHeader & { name: string } => typeof h?.name === 'string')
    .map((h) => [h.name, typeof h.value === 'string' || typeof h.value === 'number' ? String(h.value) : '']);

export function looksLikeHar(text: string): boolean {
  return /^\s*\{/.test(text) && /"log"\s*:/.test(text) && /"entries"\s*:/.test(text);
}

function decodeBody(content: { text?: string; encoding?: string } | undefined): string {
  if (!content?.text) return '';
  if (content.encoding !== 'base64') return content.text;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(content.text), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

export function parseHar(text: string): ParsedResponse | null {
  let entries: HarEntry[];
  try {
    entries = (JSON.parse(text) as { log?: { entries?: HarEntry[] } }).log?.entries ?? [];
  } catch {
    return null;
  }
  if (!entries.length) return null;
  const isAuthFailure = (e: HarEntry) => [400, 401, 403, 407].includes(e.response?.status ?? 0);
  let index = entries.map(isAuthFailure).lastIndexOf(true);
  if (index < 0) index = entries.length - 1;
  const entry = entries[index];
  const history: ParsedResponse['history'] = [];
  let first = index;
  for (let i = index - 1; i >= 0; i--) {
    const status = entries[i].response?.status ?? 0;
    if (status < 300 || status >= 400) break;
    history.unshift({ status, location: entries[i].response?.redirectURL || undefined });
    first = i;
  }
  return {
    format: 'har',
    status: entry.response?.status,
    reason: entry.response?.statusText || undefined,
    headers: fields(entry.response?.headers),
    body: decodeBody(entry.response?.content),
    url: entries[first].request?.url ?? entry.request?.url,
    request: { method: entry.request?.method, url: entry.request?.url, headers: fields(entry.request?.headers) },
    history,
  };
}
