/**
 * Types for the parts of `edtf` (4.x, https://github.com/inukshuk/edtf.js) that Vigil uses.
 * The package ships no TypeScript types; this covers only parse(), the edtf() factory, and the
 * Date and Interval objects it returns (see node_modules/edtf/src/date.js and interval.js).
 */
declare module 'edtf' {
  export type EdtfTypeName = 'Date' | 'Year' | 'Decade' | 'Century' | 'Season' | 'Interval' | 'List' | 'Set';

  export interface ParseConstraints {
    /** Highest EDTF level to accept (0, 1, 2; 3 enables edtf.js's experimental extensions). */
    level?: 0 | 1 | 2 | 3;
    /** Only these result types are accepted; anything else is a parse error. */
    types?: EdtfTypeName[];
  }

  /** The plain object the parser returns; pass it to edtf() to get a date object. */
  export interface ParseResult {
    type: EdtfTypeName;
    level: number;
    values: unknown[];
  }

  export interface Bitmask {
    /** 0 when no part of the date carries the flag. */
    readonly value: number;
  }

  interface ExtendedValue {
    /** The normalised EDTF string. */
    readonly edtf: string;
    /** Epoch milliseconds (UTC) of the first instant covered. */
    readonly min: number;
    /** Epoch milliseconds (UTC) of the last instant covered. */
    readonly max: number;
  }

  export interface EdtfDate extends ExtendedValue {
    readonly type: 'Date';
    /** 1 = year, 2 = month, 3 = day, 0 = a full timestamp (has a time of day). */
    readonly precision: 0 | 1 | 2 | 3;
    readonly uncertain: Bitmask;
    readonly approximate: Bitmask;
    readonly unspecified: Bitmask;
    /** Year, zero-based month, day, then time parts when present. */
    readonly values: number[];
  }

  /** An endpoint is a date, Infinity for an open end ('..'), or null for an unknown end (''). */
  export type IntervalEndpoint = EdtfDate | number | null;

  export interface EdtfInterval {
    readonly type: 'Interval';
    readonly edtf: string;
    readonly lower: IntervalEndpoint;
    readonly upper: IntervalEndpoint;
    /** -Infinity for an open start, null for an unknown one. */
    readonly min: number | null;
    /** Infinity for an open end, null for an unknown one. */
    readonly max: number | null;
  }

  export interface EdtfOther extends ExtendedValue {
    readonly type: Exclude<EdtfTypeName, 'Date' | 'Interval'>;
  }

  export type EdtfValue = EdtfDate | EdtfInterval | EdtfOther;

  /** Throws on input that is not valid EDTF (or not allowed by the constraints). */
  export function parse(input: string, constraints?: ParseConstraints): ParseResult;

  /**
   * Builds a date object from an EDTF string or a parse result. Throws on invalid input, including
   * an interval whose end is not after its start. Note: a string of five or more digits is read as
   * epoch milliseconds, not as EDTF; pass a ParseResult to avoid that.
   */
  export default function edtf(input: string | ParseResult, constraints?: ParseConstraints): EdtfValue;
}
