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

  /** What Wazuh agents and Suricata flows call it (ingest links events by these). */
  @Column({ type: 'text', nullable: true })
  hostname!: string | null;

  @Column({ type: 'text', nullable: true })
  ipv4!: string | null;

  @Column({ type: 'text', name: 'system_ids', array: true })
  systemIds!: string[];

  @Column({ type: 'boolean' })
  synthetic!: boolean;
}
