import { createContext, useContext } from 'react';
import type { VigilClient } from '../../shared/client';

export const ClientContext = createContext<VigilClient | null>(null);

/** The client the app was started with: IPC in Electron, HTTP in a browser, a fake in component tests. */
export function useClient(): VigilClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside a <ClientProvider>.');
  return client;
}
