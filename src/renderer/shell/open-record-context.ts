import { createContext, useContext } from 'react';

export type OpenableType = 'item' | 'person' | 'place';

/** Shows a record in the right-hand panel from anywhere: a linked person from an item, a photo from a person's gallery. */
export const OpenRecordContext = createContext<(type: OpenableType, id: number) => void>(() => undefined);

export function useOpenRecord(): (type: OpenableType, id: number) => void {
  return useContext(OpenRecordContext);
}
