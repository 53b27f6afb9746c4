/** The synchronous multipart/form-data parser (RFC 7578) and what httpbin and the API make of it. */
import { describe, expect, it } from 'vitest';
import { headerParam, parseMultipart } from '../../../src/mock-api/multipart';
import { API, HTTPBIN, LIVE, bearer, latin1, makeServer, send } from './helpers';

/** A body as urllib3's encode_multipart_formdata (used by requests' files=) writes it. */
const BOUNDARY = '4f1a9e0c2b7d4e5f8a6b3c1d2e9f0a7b';
const urllib3Body = (parts: string[]): string => `${parts.map((p) => `--${BOUNDARY}\r\n${p}\r\n`).join('')}--${BOUNDARY}--\r\n`;
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

describe('parseMultipart', () => {
  it('reads text fields and file parts with their names, file names and types', () => {
    const body = urllib3Body([
      'Content-Disposition: form-data; name="note"\r\n\r\nhi there',
      'Content-Disposition: form-data; name="upload"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nfile\r\ntext',
    ]);
    const parts = parseMultipart(latin1(body), TYPE);
    expect(parts?.map((p) => [p.name, p.filename, p.contentType, new TextDecoder().decode(p.data)])).toEqual([
      ['note', undefined, '', 'hi there'],
      ['upload', 'a.txt', 'text/plain', 'file\r\ntext'],
    ]);
  });

  it('keeps binary bytes exactly, and an empty file name still marks a file', () => {
    const head = latin1(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"; filename=""\r\n\r\n`);
    const tail = latin1(`\r\n--${BOUNDARY}--\r\n`);
    const bytes = new Uint8Array([...head, 0, 255, 13, 10, 45, 45, ...tail]);
    const [part] = parseMultipart(bytes, TYPE) ?? [];
    expect(part?.filename).toBe('');
    expect([...(part?.data ?? [])]).toEqual([0, 255, 13, 10, 45, 45]);
  });

  it('accepts a quoted boundary, a preamble and UTF-8 names', () => {
    const body = `preamble\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="caf\u00c3\u00a9"\r\n\r\nx\r\n--${BOUNDARY}--`;
    expect(parseMultipart(latin1(body), `multipart/form-data; boundary="${BOUNDARY}"`)?.[0]?.name).toBe('café');
  });

  it.each([
    ['no boundary', urllib3Body([]), 'multipart/form-data'],
    ['no closing delimiter', `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx`, TYPE],
    ['no name', urllib3Body(['Content-Disposition: form-data\r\n\r\nx']), TYPE],
    ['not form-data', urllib3Body(['Content-Disposition: attachment; name="a"\r\n\r\nx']), TYPE],
    ['boundary absent from the body', 'hello', TYPE],
  ])('%s → null', (_why, body, type) => expect(parseMultipart(latin1(body), type)).toBeNull());

  it('headerParam reads tokens and quoted strings with escapes', () => {
    expect(headerParam('form-data; name="a\\"b"; filename=x.txt', 'name')).toBe('a"b');
    expect(headerParam('form-data; name="a;b"; filename=x.txt', 'filename')).toBe('x.txt');
    expect(headerParam('form-data; name="a"', 'filename')).toBeNull();
  });
});

describe('multipart at the endpoints', () => {
  it('httpbin: fields in form, files in files (UTF-8 text, else a data: URL)', async () => {
    const fd = new FormData();
    fd.append('note', 'hi');
    fd.append('upload', new Blob(['file text']), 'a.txt');
    fd.append('bin', new Blob([new Uint8Array([0xff, 0xfe])], { type: 'image/png' }), 'b.png');
    const r = await send(makeServer(), 'POST', `${HTTPBIN}/anything`, { body: fd });
    expect(r.body).toMatchObject({ form: { note: 'hi' }, files: { upload: 'file text', bin: 'data:image/png;base64,//4=' }, data: '' });
  });

  it('api.example.com: a multipart body on a form route is read synchronously', async () => {
    const fd = new FormData();
    fd.append('name', 'pen');
    const r = await send(makeServer(), 'POST', `${API}/endpoint`, { headers: bearer(LIVE), body: fd });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ received: { name: 'pen' } });
  });
});
