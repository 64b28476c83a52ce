/**
 * Lines that belong to the page, not the article: related-article teasers, comment forms,
 * share buttons. Dropped before storing so that claims are never taken from them.
 */
const FURNITURE = [
  /^(read|read more|read also|related|see also|lees ook|lees meer|meer lezen|lesen sie auch|mehr zum thema|auch interessant)\b\s*[:|»>–-]?/iu,
  /^(leave a (comment|reply)|post a comment|plaats een reactie|reageer|kommentar schreiben|kommentieren)\b/iu,
  /^(share|share this|deel dit|teilen)( (on|op|auf) \w+)?\s*$/iu,
  /^(advertisement|advertentie|anzeige|werbung)\s*$/iu,
];

export function isFurniture(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length < 200 && FURNITURE.some((pattern) => pattern.test(trimmed));
}

/** The text every offset points into: NFC, LF line ends, no page furniture, tidy blank lines. */
export function normaliseText(raw: string): string {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .filter((line) => !isFurniture(line));
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
