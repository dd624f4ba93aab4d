import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import type { AuthStore, Session } from '../lib/auth';
import type { ConsoleClients } from '../lib/client';
import type { ConnectionState, ConnectionStore } from '../lib/connection';

export interface Services {
  auth: AuthStore;
  connection: ConnectionStore;
  clients: ConsoleClients;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <UrqlProvider value={services.clients.client}>{children}</UrqlProvider>
    </ServicesContext.Provider>
  );
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

export function useSession(): Session | null {
  const { auth } = useServices();
  return useSyncExternalStore(auth.subscribe, () => auth.current);
}

export function useNeedsSignIn(): boolean {
  const { auth } = useServices();
  return useSyncExternalStore(auth.subscribe, () => auth.needsSignIn);
}

export function useConnectionState(): ConnectionState {
  const { connection } = useServices();
  return useSyncExternalStore(connection.subscribe, () => connection.current);
}
