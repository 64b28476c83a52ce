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
function csvField(value: unknown, terminal: boolean): string {
  if (value === null || value === undefined) return '';
  const raw = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const text = terminal ? printable(raw) : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV with a header line, every column of the rows (as --json gives them), CRLF line ends
 * as RFC 4180 asks. Into a pipe or a file values are written as stored (CSV is data for a
 * program); on a terminal (`terminal`) escape sequences and control characters are dropped.
 */
export function formatCsv(
  rows: readonly Record<string, unknown>[],
  columns?: readonly string[],
  options: { terminal?: boolean } = {},
): string {
  const names = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const field = (value: unknown) => csvField(value, options.terminal ?? false);
  return (
    [names.map(field).join(','), ...rows.map((row) => names.map((name) => field(row[name])).join(','))].join('\r\n') +
    '\r\n'
  );
}
