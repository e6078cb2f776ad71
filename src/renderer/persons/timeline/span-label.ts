/** Words for an interval of days, in both calendars, as the rest of the UI writes dates (DESIGN.md §6). */
import { describeHistoricalDate } from '../../../shared/dates/historical-date';

export function describeSpan(earliest: string, latest: string): { gregorian: string; solarHijri: string; both: string } {
  const edtf = earliest === latest ? earliest : `${earliest}/${latest}`;
  const { gregorian, solarHijri } = describeHistoricalDate({ original: edtf, calendar: 'gregorian', edtf, earliest, latest });
  return { gregorian, solarHijri, both: gregorian === solarHijri ? gregorian : `${gregorian} · ${solarHijri}` };
}
