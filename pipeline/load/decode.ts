import type { TextEncoding } from '../../schemas/article.ts';

export type Decoded =
  { ok: true; text: string; encoding: TextEncoding; replaced: number } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { ignoreBOM: false });

/**
 * windows-1252's bytes 0x80–0x9F, in order. Node 20's TextDecoder('windows-1252') decodes them as latin1,
 * to C1 controls (nodejs/node#56542), which would turn every € and curly quote into a rejected file. The five
 * bytes windows-1252 leaves unassigned stay C1 controls, as the WHATWG table has them.
 */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009F]/gu, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]!);
}

/** C0 controls other than tab, newline, form feed and carriage return do not occur in prose. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/g;

function countOf(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** U+FFFD written in the file itself (EF BF BD) is text, not a decoding failure. */
function literalReplacements(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  }
  return count;
}

function utf16(bytes: Uint8Array): (Decoded & { ok: true }) | null {
  const littleEndian = bytes[0] === 0xff && bytes[1] === 0xfe;
  const bigEndian = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!littleEndian && !bigEndian) return null;
  const text = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(bytes);
  return { ok: true, text, encoding: littleEndian ? 'utf-16le' : 'utf-16be', replaced: countOf(text, /\uFFFD/gu) };
}

function checked(decoded: Decoded & { ok: true }): Decoded {
  const controls = countOf(decoded.text, CONTROL);
  if (controls > Math.max(2, decoded.text.length / 1000))
    return { ok: false, reason: `binary file (${controls} control characters), not text` };
  return decoded;
}

/**
 * Bytes to text, never silently garbled. UTF-16 when a byte-order mark says so; UTF-8 when valid;
 * UTF-8 with the invalid bytes replaced by U+FFFD and counted when most non-ASCII bytes are UTF-8
 * (one stray byte does not make a file windows-1252); windows-1252 only when most are not and the
 * result is prose; otherwise a reason to reject.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const wide = utf16(bytes);
  if (wide) return checked(wide);
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not text' };
  const text = utf8.decode(bytes);
  const invalid = countOf(text, /\uFFFD/gu) - literalReplacements(bytes);
  if (invalid === 0) return checked({ ok: true, text, encoding: 'utf-8', replaced: 0 });
  const valid = countOf(text, /[^\u0000-\u007F\uFFFD]/gu);
  if (valid >= invalid) return checked({ ok: true, text, encoding: 'utf-8', replaced: invalid });
  const western = windows1252(bytes);
  // windows-1252 leaves five bytes undefined and maps them to C1 controls, which prose never has.
  if (/[\u0080-\u009F]/u.test(western))
    return { ok: false, reason: `not valid UTF-8 (${invalid} invalid bytes), and not windows-1252 text either` };
  return checked({ ok: true, text: western, encoding: 'windows-1252', replaced: 0 });
}
