import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A server the SOC monitors (agent or sensor), with the systems it serves: how alerts find their system. */
@Entity({ name: 'monitored_server' })
export class MonitoredServer {
  @PrimaryColumn({ type: 'text', name: 'server_id' })
  serverId!: string;

  @Column({ type: 'text' })
  kind!: 'PHYSICAL' | 'VIRTUAL';

  @Column({ type: 'text', name: 'host_id', nullable: true })
  hostId!: string | null;

  @Column({ type: 'text', name: 'system_ids', array: true })
  systemIds!: string[];

  @Column({ type: 'boolean' })
  synthetic!: boolean;
}
