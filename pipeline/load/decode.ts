export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' }
  | { ok: false; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

/** C0 controls other than tab, newline, form feed and carriage return do not occur in prose. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/g;

/**
 * Bytes to text, never silently garbled: UTF-8 when valid; otherwise windows-1252 (the usual
 * culprit for Western European news) when that yields prose; otherwise a reason to reject.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not text' };
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = windows1252.decode(bytes);
    encoding = 'windows-1252';
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > Math.max(2, text.length / 1000)) {
    return { ok: false, reason: `binary file (${controls} control characters), not text` };
  }
  if (encoding === 'windows-1252' && /[\u0080-\u009F]/.test(text)) {
    return { ok: false, reason: 'not valid UTF-8, and not windows-1252 text either' };
  }
  return { ok: true, text, encoding };
}
