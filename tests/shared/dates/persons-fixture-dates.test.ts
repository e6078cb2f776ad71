import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { describeHistoricalDate, parseHistoricalDate } from '../../../src/shared/dates/historical-date';

const FIXTURE = '/work/shared/fixtures/persons/persons.csv';
const DATE_COLUMNS = ['birth_date', 'arrest_date', 'death_date'] as const;

describe.skipIf(!existsSync(FIXTURE))('dates in the persons import fixture', () => {
  it('parses every distinct non-empty date', () => {
    const rows = parse(readFileSync(FIXTURE, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    const values = new Set<string>();
    for (const row of rows) {
      for (const column of DATE_COLUMNS) {
        const value = row[column] ?? '';
        if (value.trim() !== '') values.add(value);
      }
    }
    expect(values.size).toBeGreaterThan(0);

    const failures: string[] = [];
    for (const value of values) {
      const result = parseHistoricalDate(value);
      if (!result.ok) failures.push(result.message);
      else if (result.date.earliest > result.date.latest) failures.push(`${value}: earliest after latest`);
      else describeHistoricalDate(result.date);
    }
    expect(failures, `${failures.length} of ${values.size} dates did not parse:\n${failures.join('\n')}`).toEqual([]);
  });
});
