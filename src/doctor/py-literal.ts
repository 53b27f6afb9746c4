/**
 * Reads the Python literals learners paste from `print(r.headers)`, `print(r.json())` or
 * `print(r.request.headers)`: dicts, lists, strings with Python's escapes, numbers, None/True/False.
 * `CaseInsensitiveDict`'s repr is a plain dict repr, so it reads the same. Anything else: null.
 */
type Py = string | number | boolean | null | Py[] | { [key: string]: Py };

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

class Reader {
  i = 0;
  constructor(private s: string) {}
  ws() {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }
  peek() {
    this.ws();
    return this.s[this.i];
  }
  take(ch: string) {
    if (this.peek() !== ch) throw new Error(`expected ${ch}`);
    this.i++;
  }
  value(): Py {
    const ch = this.peek();
    if (ch === '{') return this.dict();
    if (ch === '[' || ch === '(') return this.list(ch === '[' ? ']' : ')');
    if (ch === "'" || ch === '"') return this.str();
    const word = /^(None|True|False|null|true|false|-?\d+(?:\.\d+)?)/.exec(this.s.slice(this.i));
    if (!word) throw new Error('unexpected');
    this.i += word[0].length;
    const w = word[0];
    if (w === 'None' || w === 'null') return null;
    if (w === 'True' || w === 'true' || w === 'False' || w === 'false') return w.toLowerCase() === 'true';
    return Number(w);
  }
  str(): string {
    const quote = this.s[this.i++];
    let out = '';
    while (this.i < this.s.length && this.s[this.i] !== quote) {
      const c = this.s[this.i++];
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      if (e === 'x' || e === 'u') {
        const n = e === 'x' ? 2 : 4;
        out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + n), 16));
        this.i += n;
      } else out += ESCAPES[e] ?? `\\${e}`;
    }
    this.i++;
    return out;
  }
  dict(): { [key: string]: Py } {
    this.take('{');
    const out: { [key: string]: Py } = {};
    while (this.peek() !== '}') {
      const key = this.value();
      this.take(':');
      out[typeof key === 'string' ? key : JSON.stringify(key)] = this.value();
      if (this.peek() === ',') this.i++;
    }
    this.i++;
    return out;
  }
  list(close: string): Py[] {
    this.i++;
    const out: Py[] = [];
    while (this.peek() !== close) {
      out.push(this.value());
      if (this.peek() === ',') this.i++;
    }
    this.i++;
    return out;
  }
}

/** Parses one Python (or JSON) literal that fills the whole text; null when it is not one. */
export function parsePyLiteral(text: string): Py | null {
  const reader = new Reader(text.trim());
  try {
    const value = reader.value();
    reader.ws();
    return reader.i >= text.trim().length ? value : null;
  } catch {
    return null;
  }
}

export type { Py };
