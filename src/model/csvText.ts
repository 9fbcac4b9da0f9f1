// Text for every CSV the app writes (chart exports, findings, problems, templates): one place for the rules.

/** Excel opens UTF-8 CSV in the local code page unless it starts with a byte order mark. */
export const BOM = '\uFEFF';

/**
 * A leading = + - @ tab or CR makes Excel/LibreOffice evaluate a cell as a formula; a leading apostrophe stops
 * that. Organ names, sources and file names come from users' files, so every text cell goes through this.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The text a neutralised field stood for: our own exports put an apostrophe before a leading = + - @ tab or CR,
 * and reading them back takes it away, so an export imports back as it was.
 */
export function restoreNeutralised(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** One field: quoted when it must be (or always, with `quoteAll`), inner quotes doubled. */
export function csvField(text: string, quoteAll = false): string {
  return quoteAll || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: BOM, CRLF line ends, a final line end. */
export function csvDocument(lines: readonly string[]): string {
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
