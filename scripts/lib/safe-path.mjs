// Maps a URL path to a file path inside a folder, refusing anything that escapes it.
import { join, normalize, sep } from 'node:path';

/**
 * The file path for `pathname` inside `root`, or null when it would leave `root` (`..` segments,
 * encoded or not) or cannot be decoded. A plain `startsWith(root)` is not enough: `/site-bench` starts
 * with `/site`.
 * @param {string} root  an absolute folder path
 * @param {string} pathname  the URL's path, still percent-encoded
 * @returns {string | null}
 */
export function pathInside(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(root, decoded));
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : null;
}
