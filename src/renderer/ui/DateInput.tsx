import { useId } from 'react';
import { describeHistoricalDate, parseHistoricalDate } from '../../shared/dates/historical-date';

/** What a typed date will be read as, or why it cannot be: shown under the box as the archivist types. */
export function dateReading(text: string): { ok: boolean; message: string } | null {
  if (!text.trim()) return null;
  const parsed = parseHistoricalDate(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const d = describeHistoricalDate(parsed.date);
  return { ok: true, message: `Read as ${d.gregorian} · ${d.solarHijri}` };
}

/**
 * A historical date as archivists type it (ISO, EDTF, Solar Hijri in either digits, month names): the text is
 * kept as typed; below it, both calendars as Vigil reads it, or the parser's sentence with examples.
 */
export function DateInput({ label, value, onChange, name }: { label: string; value: string; onChange(text: string): void; name?: string }) {
  const id = useId();
  const reading = dateReading(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        dir="auto"
        maxLength={100}
        value={value}
        placeholder="1988-08-23, Mordad 1367, ۱۳۶۷/۰۶/۰۱…"
        aria-invalid={reading ? !reading.ok : undefined}
        aria-describedby={reading ? `${id}-reading` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {reading && (
        <p id={`${id}-reading`} className={reading.ok ? 'field-hint' : 'field-hint field-error'}>
          {reading.message}
        </p>
      )}
    </div>
  );
}
