/**
 * Raw HTTP responses and `curl -v` transcripts. curl marks what it sent with `> `, what it
 * received with `< ` and its own notes with `* `; HTTP/2 names arrive in lower case and the status
 * line has no reason phrase (`HTTP/2 401`). Several responses (redirects, Digest's two legs) are
 * kept: the last is the answer, the earlier ones its history.
 */
import { headerValue, parseHeaderLines } from './headers';
import type { ParsedResponse, SentRequest } from './types';

const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?)\s+(\d{3})(?:\s+(.*))?$/;
const REQUEST_LINE = /^([A-Z]+)\s+(\S+)\s+HTTP\/\d(?:\.\d)?$/;

interface Block {
  status: number;
  reason?: string;
  headerLines: string[];
  body: string[];
}

function splitResponses(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let inBody = false;
  for (const line of lines) {
    const status = STATUS_LINE.exec(line.trim());
    if (status) {
      current = { status: Number(status[2]), reason: status[3]?.trim() || undefined, headerLines: [], body: [] };
      blocks.push(current);
      inBody = false;
      continue;
    }
    if (!current) continue;
    if (!inBody && line.trim() === '') {
      inBody = true;
      continue;
    }
    (inBody ? current.body : current.headerLines).push(line);
  }
  return blocks;
}

function toParsed(
  blocks: Block[],
  format: ParsedResponse['format'],
  request?: SentRequest,
  extraBody: string[] = [],
  firstUrl?: string,
): ParsedResponse {
  const last = blocks[blocks.length - 1];
  const history = blocks
    .slice(0, -1)
    .map((b) => ({ status: b.status, location: headerValue(parseHeaderLines(b.headerLines), 'location') }));
  return {
    format,
    status: last.status,
    reason: last.reason,
    headers: parseHeaderLines(last.headerLines),
    body: [...last.body, ...extraBody].join('\n').trim(),
    // Where the exchange started: redirects are judged from there.
    url: firstUrl ?? request?.url,
    request,
    // A 100 Continue or the first leg of Digest is history too; only 3xx matter for redirects.
    history: history.filter((h) => h.status >= 300 && h.status < 400),
  };
}

/** A raw HTTP/1.1 or HTTP/2 response: status line, headers, blank line, body. */
export function parseRawHttp(text: string): ParsedResponse | null {
  const blocks = splitResponses(text.split(/\r?\n/));
  return blocks.length ? toParsed(blocks, 'raw-http') : null;
}

export function looksLikeCurl(text: string): boolean {
  return /^[<>] /m.test(text) && /^< HTTP\//m.test(text);
}

/** `curl -v` output: requests from `> ` lines, responses from `< ` lines, the body from the rest. */
export function parseCurlVerbose(text: string): ParsedResponse | null {
  const received: string[] = [];
  const sent: string[] = [];
  const other: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith('< ') || raw === '<') received.push(raw.slice(2));
    else if (raw.startsWith('> ') || raw === '>') sent.push(raw.slice(2));
    else if (
      !raw.startsWith('* ') &&
      !raw.startsWith('{ ') &&
      !raw.startsWith('} ') &&
      !/^\s*% Total|^\s*Dload|^\s*\d+\s+\d+\s+\d+/.test(raw)
    )
      other.push(raw);
  }
  const blocks = splitResponses(received);
  if (!blocks.length) return null;
  // The last request curl sent is the one the last response answers.
  const starts = sent.map((l, i) => (REQUEST_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
  const requests = starts.map((start, n): SentRequest => {
    const [, method, target] = REQUEST_LINE.exec(sent[start])!;
    const headers = parseHeaderLines(sent.slice(start + 1, starts[n + 1] ?? sent.length));
    const host = headerValue(headers, 'host');
    return { method, url: host && target.startsWith('/') ? `https://${host}${target}` : target, headers };
  });
  return toParsed(blocks, 'curl-verbose', requests[requests.length - 1], other, requests[0]?.url);
}
