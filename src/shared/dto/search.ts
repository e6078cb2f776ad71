export type SearchHitType = 'item' | 'person' | 'place';

export interface SearchHit {
  type: SearchHitType;
  id: number;
  ref: string;
  label: string;
  score: number;
}
