// CSV/formula injection (OWASP): a text cell that starts with = + - @, a tab or a carriage return (or their
// full-width forms) is run as a formula by Excel or LibreOffice when the file is opened or the cell edited.
// Every CSV and XLSX export writes its text cells through `escapeFormula`; imports read them back through
// `unescapeFormula`, so an exported file re-imports unchanged.

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The value to write in a spreadsheet cell: text that a spreadsheet would run as a formula gets a leading `'`. */
export function escapeFormula<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text a user meant, from a cell written by `escapeFormula` (a `'` before formula-leading text is dropped). */
export function unescapeFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
