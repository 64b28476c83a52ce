import { printable } from '../printable.ts';

export { printable } from '../printable.ts';

/** One line for a terminal: printable, every run of whitespace (newlines too) one space. */
export const printableLine = (text: string) => printable(text).replace(/\s+/g, ' ');

const cellText = (value: unknown) => (value === null || value === undefined ? '' : printableLine(String(value)));

export type TableOptions = {
  /** Cut cells to this many characters (with "…"); unset, nothing is cut (a pipe or a file gets every character). */
  maxWidth?: number;
};

/** A plain-text table for the terminal: columns padded to their widest cell, numbers right-aligned. */
export function formatTable(
  rows: readonly Record<string, unknown>[],
  columns?: readonly string[],
  options: TableOptions = {},
): string {
  if (rows.length === 0) return '(no rows)';
  const names = columns ?? Object.keys(rows[0]!);
  const cells = rows.map((row) => names.map((name) => cellText(row[name])));
  const numeric = names.map((_, index) =>
    rows.every((row) => typeof row[names[index]!] === 'number' || row[names[index]!] == null),
  );
  const cap = options.maxWidth ?? Infinity;
  const widths = names.map((name, index) =>
    Math.min(cap, Math.max(name.length, ...cells.map((line) => line[index]!.length))),
  );
  const fit = (text: string, index: number) => {
    const width = widths[index]!;
    const clipped = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    return numeric[index] ? clipped.padStart(width) : clipped.padEnd(width);
  };
  const header = names.map((name, index) => fit(printableLine(name), index)).join('  ');
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [
    header,
    rule,
    ...cells.map((line) =>
      line
        .map((text, index) => fit(text, index))
        .join('  ')
        .trimEnd(),
    ),
  ].join('\n');
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; null is empty. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = printable(typeof value === 'object' ? JSON.stringify(value) : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV with a header line, every column of the rows (as --json gives them), CRLF line ends
 * as RFC 4180 asks. A CSV file is read with cat and less as often as by a program, so escape
 * sequences and control characters are dropped as in the tables (tabs and line breaks kept);
 * --json is the export that keeps every character.
 */
export function formatCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const names = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  return (
    [names.map(csvField).join(','), ...rows.map((row) => names.map((name) => csvField(row[name])).join(','))].join(
      '\r\n',
    ) + '\r\n'
  );
}
