import type { ExhibitSetId } from '../ids';

export interface ExhibitSetSummary {
  id: ExhibitSetId;
  name: string;
  prefix: string;
  exhibitCount: number;
}
