import { registerEnumType } from 'type-graphql';

export enum NetworkSector {
  PARTY = 'PARTY',
  STATE = 'STATE',
}

registerEnumType(NetworkSector, { name: 'NetworkSector', description: 'Party agency or state agency.' });

export enum NetworkConnectionStatus {
  CONNECTED = 'CONNECTED',
  DISCONNECTED = 'DISCONNECTED',
}

registerEnumType(NetworkConnectionStatus, { name: 'NetworkConnectionStatus' });
