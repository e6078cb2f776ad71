/**
 * The records as they cross the contract: camelCase, plain JSON, no database or file-system details, one module
 * per domain. Fields that hold strings from files or typed by people are untrusted text (render as text only).
 */
export * from './catalogue';
export * from './exhibits';
export * from './items';
export * from './jobs';
export * from './links';
export * from './persons';
export * from './places';
export * from './search';
export * from './sources';
export * from './tags';
export type { HistoricalDate } from '../dates/historical-date';
