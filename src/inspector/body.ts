/** How a body is shown: JSON re-indented, forms one decoded field per line, anything else as is. */
import { isJsonDocument, prettyJson } from './json-text';

export type BodyKind = 'empty' | 'json' | 'form' | 'text';

const FORM_SHAPE = /^[^\s=&]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*$/;

/** Recognises the body by content first (a JSON body sent without its content type is still JSON). */
export function bodyKind(body: string, contentType = ''): BodyKind {
  if (body === '') return 'empty';
  if (isJsonDocument(body)) return 'json';
  if (/application\/x-www-form-urlencoded/i.test(contentType) || FORM_SHAPE.test(body)) return 'form';
  return 'text';
}

function decodeFormPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part; // malformed %-escapes: show what was sent
  }
}

/** The body as the Inspector displays it; `kind` says how it was read. */
export function prettyBody(body: string, contentType = ''): { kind: BodyKind; text: string } {
  const kind = bodyKind(body, contentType);
  if (kind === 'json') return { kind, text: prettyJson(body) };
  if (kind === 'form') {
    const lines = body.split('&').map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? decodeFormPart(pair) : `${decodeFormPart(pair.slice(0, eq))} = ${decodeFormPart(pair.slice(eq + 1))}`;
    });
    return { kind, text: lines.join('\n') };
  }
  return { kind, text: body };
}
