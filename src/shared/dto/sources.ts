/** Sources: who or what gave the information, with how far it can be relied on. */
import type { SourceId } from '../ids';
import type { Sensitivity } from './catalogue';

export type SourceKind = 'person' | 'organisation' | 'document' | 'publication' | 'testimony' | 'other';
export type Reliability = 'high' | 'medium' | 'low' | 'unknown';

/** A source as it is shown beside a fact or a link. */
export interface SourceBrief {
  id: SourceId;
  ref: string;
  title: string;
  reliability: Reliability;
}

export interface SourceSummary extends SourceBrief {
  globalId: string;
  kind: SourceKind;
  description: string | null;
  sensitivity: Sensitivity;
}

export interface SourceInput {
  title: string;
  kind?: SourceKind;
  reliability?: Reliability;
  description?: string | null;
  sensitivity?: Sensitivity;
}
