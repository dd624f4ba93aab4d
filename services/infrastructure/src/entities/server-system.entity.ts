import { Entity, PrimaryColumn } from 'typeorm';

/** Which information systems a server serves. */
@Entity({ name: 'server_system' })
export class ServerSystem {
  @PrimaryColumn({ type: 'text', name: 'server_id' })
  serverId!: string;

  @PrimaryColumn({ type: 'text', name: 'system_id' })
  systemId!: string;
}
