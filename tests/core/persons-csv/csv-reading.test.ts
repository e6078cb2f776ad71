import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsvText, parseCsvText, readCsvFile } from '../../../src/core/persons-csv/csv-reading';
import { CatalogueError } from '../../../src/shared/errors';
import { useTempDirs } from '../../helpers/temp-dir';

describe('reading CSV', () => {
  const tempDir = useTempDirs();

  it('reads UTF-8 with a byte-order mark, CRLF, and quoted commas, quotes and line breaks; rows numbered as a spreadsheet does', async () => {
    const text = '\ufeffref,name_latin,notes\r\nA1,"Rezaei, Ali","He said ""no"""\r\nA2,Hamid,"line one\r\nline two\nline three"\r\n\r\nA3,Maryam,\r\n';
    const path = join(tempDir(), 'p.csv');
    writeFileSync(path, text);
    const table = await readCsvFile(path);
    expect(table.headers).toEqual(['ref', 'name_latin', 'notes']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['A1', 'Rezaei, Ali', 'He said "no"'] },
      { row: 3, cells: ['A2', 'Hamid', 'line one\r\nline two\nline three'] },
      // The blank row 4 is skipped but counted.
      { row: 5, cells: ['A3', 'Maryam', ''] },
    ]);
  });

  it('reads LF files without a byte-order mark the same way', () => {
    expect(parseCsvText('a,b\n1,2\n').rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
  });

  it('refuses bytes that are not UTF-8 (a JPEG, Latin-1 text, UTF-16) with one sentence', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
    expect(() => decodeCsvText(jpeg, 'photo.jpg')).toThrow(/photo\.jpg is not a UTF-8 text file/);
    expect(() => decodeCsvText(Buffer.from('name\nJos\xe9\n', 'latin1'), 'x.csv')).toThrow(/not a UTF-8 text file/);
    expect(() => decodeCsvText(Buffer.from('\ufeffname\n', 'utf16le'), 'x.csv')).toThrow(CatalogueError);
  });

  it('refuses an empty file, a file of NUL bytes, and a file without a header', () => {
    expect(() => decodeCsvText(Buffer.alloc(0), 'e.csv')).toThrow(/e\.csv is empty/);
    expect(() => decodeCsvText(Buffer.from('\ufeff\r\n  \r\n'), 'e.csv')).toThrow(/empty/);
    expect(() => decodeCsvText(Buffer.from('a,b\0\n'), 'n.csv')).toThrow(/NUL/);
    expect(() => parseCsvText(',,\n1,2,3\n')).toThrow(/no header row/);
  });

  it('refuses text that is not valid CSV, naming the line', () => {
    expect(() => parseCsvText('ref,name\nA1,"Ali\nA2,Hamid\n')).toThrow(/never closed/);
    expect(() => parseCsvText('ref,name\nA1,Ali\nA2,Ha"mid\n')).toThrow(/line 3/);
    expect(() => parseCsvText('ref,name\nA1,"Ali"x\n')).toThrow(/not valid CSV.*line 2/);
    try {
      parseCsvText('ref,name\nA1,"Ali"x\n');
    } catch (error) {
      expect((error as CatalogueError).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('says there is no such file', async () => {
    await expect(readCsvFile(join(tempDir(), 'missing.csv'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
