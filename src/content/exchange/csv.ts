// CSV as RFC 4180 writes it (CRLF records, fields quoted when they hold a quote, comma or line break, quotes
// doubled), UTF-8 with a byte-order mark so that spreadsheet programs on Chinese Windows read it as UTF-8.

export const BOM = '\uFEFF';

// CSV formula injection (OWASP): a spreadsheet runs a cell that starts with = + - @ (or a tab or CR before
// them) as a formula. Such a cell is written with a leading apostrophe, which spreadsheets show as text. A cell
// that already starts with apostrophes before such a character gets one more, so reading strips exactly one
// and every value comes back as it was.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

function quoteField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One CSV record (with its CRLF), every cell guarded against formula injection. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map((c) => quoteField(guardFormula(c))).join(',')}\r\n`;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`CSV line ${line}: ${detail}`);
  }
}

/**
 * Parses CSV text into records of raw cells (formula guards are left for the caller to remove). Accepts CRLF
 * or LF, an optional BOM and a final line break; a blank line is skipped. A quote inside an unquoted field,
 * text after a closing quote or an unterminated quote is an error naming the line.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let line = 1;
  let i = 0;
  let quotedStart = 0;
  let afterQuote = false;
  const endCell = () => {
    record.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endCell();
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '"' && cell === '' && !afterQuote) {
      quotedStart = line;
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new CsvSyntaxError(quotedStart, 'a quoted field is never closed');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            cell += '"';
            j += 2;
            continue;
          }
          break;
        }
        if (src[j] === '\n') line++;
        cell += src[j++];
      }
      i = j + 1;
      afterQuote = true;
      continue;
    }
    if (c === ',') {
      endCell();
      i++;
      continue;
    }
    if (c === '\r' && src[i + 1] === '\n') {
      endRecord();
      line++;
      i += 2;
      continue;
    }
    if (c === '\n') {
      endRecord();
      line++;
      i++;
      continue;
    }
    if (afterQuote) throw new CsvSyntaxError(line, 'text after a closing quote');
    if (c === '"')
      throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the field and double the quote)');
    cell += c;
    i++;
  }
  if (cell !== '' || record.length > 0 || afterQuote) endRecord();
  return records;
}
