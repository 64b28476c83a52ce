/** A plain-text table for the terminal: columns padded to their widest cell, numbers right-aligned. */
export function formatTable(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  if (rows.length === 0) return '(no rows)';
  const names = columns ?? Object.keys(rows[0]!);
  const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value).replace(/\s+/g, ' '));
  const cells = rows.map((row) => names.map((name) => cell(row[name])));
  const numeric = names.map((_, index) => rows.every((row) => typeof row[names[index]!] === 'number' || row[names[index]!] == null));
  const widths = names.map((name, index) => Math.min(60, Math.max(name.length, ...cells.map((line) => line[index]!.length))));
  const fit = (text: string, index: number) => {
    const width = widths[index]!;
    const clipped = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    return numeric[index] ? clipped.padStart(width) : clipped.padEnd(width);
  };
  const header = names.map((name, index) => fit(name, index)).join('  ');
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [header, rule, ...cells.map((line) => line.map((text, index) => fit(text, index)).join('  ').trimEnd())].join('\n');
}
