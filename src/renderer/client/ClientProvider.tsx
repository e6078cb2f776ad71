import type { ReactNode } from 'react';
import type { VigilClient } from '../../shared/client';
import { ClientContext } from './use-client';

export function ClientProvider({ client, children }: { client: VigilClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}
