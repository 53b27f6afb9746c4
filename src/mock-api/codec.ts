/** Byte/text codecs the auth schemes need, written for both browsers and Node (no Buffer). */

/** Base64 (RFC 4648 §4) → bytes; null when the text is not base64. Padding may be omitted. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) return null;
  const padded = text.replace(/=+$/, '');
  try {
    const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Bytes → base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
}

/** UTF-8 bytes → text; null when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const asciiDecoder = new TextDecoder();

/** Latin-1 (ISO-8859-1) bytes → text: every byte is one code point. */
export function decodeLatin1(bytes: Uint8Array): string {
  // ASCII (nearly every request and response head) reads the same in UTF-8, whose decoder is native.
  let ascii = true;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] > 0x7f) {
      ascii = false;
      break;
    }
  if (ascii) return asciiDecoder.decode(bytes);
  // Not TextDecoder('latin1'): the Encoding standard maps that label to windows-1252 (0x80–0x9F differ).
  // Chunks keep fromCharCode's argument count far below engines' limits; this runs on every request.
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192)
    // apply() takes the typed array as it is; a spread would walk it through an iterator first.
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  return text;
}

/** Text → UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Text → Latin-1 bytes; null when a character is outside Latin-1 (Python raises UnicodeEncodeError). */
export function encodeLatin1(text: string): Uint8Array | null {
  const bytes = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  return bytes.some((b) => b > 0xff) ? null : Uint8Array.from(bytes);
}
