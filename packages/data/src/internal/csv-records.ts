// An RFC 4180 tokenizer: records of fields, each with the 1-based line and column it starts at.
import { DataError } from '@deltanet/contract';

/** One record (row) of a CSV file. */
export interface CsvRecord {
  readonly fields: string[];
  /** Line and column where each field starts (a quoted field may span lines). */
  readonly lines: number[];
  readonly columns: number[];
  /** Line of the record's first field. */
  readonly line: number;
  /** Line and column just past the record's last field, for "too few fields" errors. */
  readonly endLine: number;
  readonly endColumn: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * The records of `text`. Fields are split at `delimiter`; a field in double quotes may hold
 * delimiters, line breaks and quotes written twice (""); records end at LF, CRLF or CR. Spaces
 * around a quoted field are ignored (unless the delimiter is a space); unquoted fields are
 * returned as written. Blank lines are skipped; a leading byte-order mark is ignored.
 */
export function* csvRecords(text: string, delimiter: string, file: string | undefined): Generator<CsvRecord> {
  const delim = delimiter.charCodeAt(0);
  const skipSpaces = delim !== SPACE;
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const at = (pos: number) => ({
    ...(file !== undefined ? { file } : {}),
    line,
    column: pos - lineStart + 1,
  });

  /** Counts the line breaks in text[from, to) and moves the line counters past them. */
  const passLines = (from: number, to: number) => {
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c === LF || (c === CR && text.charCodeAt(p + 1) !== LF)) {
        line++;
        lineStart = p + 1;
      }
    }
  };

  while (i < n) {
    const fields: string[] = [];
    const lines: number[] = [];
    const columns: number[] = [];
    const recordLine = line;
    let quotedAny = false;
    for (;;) {
      let j = i;
      while (skipSpaces && text.charCodeAt(j) === SPACE) j++;
      let value: string;
      const fieldLine = line;
      const fieldColumn = i - lineStart + 1;
      if (text.charCodeAt(j) === QUOTE) {
        quotedAny = true;
        const open = at(j);
        let chunkStart = j + 1;
        value = '';
        for (;;) {
          const close = text.indexOf('"', chunkStart);
          if (close < 0) {
            throw new DataError(
              open,
              'unterminated quoted field: expected a closing " before the end of the file',
            );
          }
          value += text.slice(chunkStart, close);
          passLines(chunkStart, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            chunkStart = close + 2;
            continue;
          }
          j = close + 1;
          break;
        }
        while (skipSpaces && text.charCodeAt(j) === SPACE) j++;
        const next = text.charCodeAt(j);
        if (j < n && next !== delim && next !== LF && next !== CR) {
          throw new DataError(
            at(j),
            `expected a delimiter or the end of the line after a closing quote, got ${JSON.stringify(text[j])}`,
          );
        }
      } else {
        j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === delim || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw new DataError(
              at(j),
              'a quote inside an unquoted field: quote the whole field and double the inner quote ("a""b")',
            );
          }
        }
        value = text.slice(i, j);
      }
      fields.push(value);
      lines.push(fieldLine);
      columns.push(fieldColumn);
      if (j < n && text.charCodeAt(j) === delim) {
        i = j + 1;
        continue;
      }
      const end = { endLine: line, endColumn: j - lineStart + 1 };
      if (j < n) {
        j += text.charCodeAt(j) === CR && text.charCodeAt(j + 1) === LF ? 2 : 1;
        line++;
        lineStart = j;
      }
      i = j;
      const blank = !quotedAny && fields.length === 1 && value.trim() === '';
      if (!blank) yield { fields, lines, columns, line: recordLine, ...end };
      break;
    }
  }
}
