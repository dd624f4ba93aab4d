import type { AssetRef } from './normalised-alert';

/** A server the SOC monitors, with what it hosts: what an event's host name or address is matched against. */
export interface MonitoredAsset {
  serverId: string;
  hostname: string | null;
  ipv4: string | null;
  systemIds: readonly string[];
}

/** A system's owner and grading level, for the alert's agency and priority. */
export interface SystemFacts {
  ownerAgencyId: string;
  /** Approved level, or the proposed one while pending; null when not graded. */
  level: number | null;
}

/** Where an event lands: its server, the system and agency when known; null ids for an unknown asset. */
export interface AssetLink {
  serverId: string | null;
  systemId: string | null;
  agencyId: string | null;
  level: number | null;
  /** The fingerprint's asset part: the server, or what the tool called the unknown host. */
  assetKey: string;
  /** As the tool named it, kept for the catalogue team when the server is unknown. */
  assetName: string | null;
  assetIp: string | null;
}

const nameKey = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');

/**
 * Links events to servers by agent name, host name (full or its first label) or address. A server
 * hosting several systems links the alert to the most critical one (highest grading level, then
 * id): the one whose owner must act first.
 */
export class AssetIndex {
  private readonly byName = new Map<string, MonitoredAsset>();
  private readonly byIp = new Map<string, MonitoredAsset>();

  constructor(
    servers: readonly MonitoredAsset[],
    private readonly systems: ReadonlyMap<string, SystemFacts>,
  ) {
    for (const server of servers) {
      this.byName.set(nameKey(server.serverId), server);
      if (server.hostname) {
        this.byName.set(nameKey(server.hostname), server);
        const label = nameKey(server.hostname).split('.')[0]!;
        if (!this.byName.has(label)) this.byName.set(label, server);
      }
      if (server.ipv4) this.byIp.set(server.ipv4, server);
    }
  }

  link(asset: AssetRef): AssetLink {
    const server = (asset.name ? this.byName.get(nameKey(asset.name)) : undefined) ?? asset.ips.map((ip) => this.byIp.get(ip)).find(Boolean);
    if (!server) {
      const assetIp = asset.ips[0] ?? null;
      const assetName = asset.name;
      return {
        serverId: null, systemId: null, agencyId: null, level: null,
        assetKey: assetName ? `name:${nameKey(assetName)}` : assetIp ? `ip:${assetIp}` : '-',
        assetName, assetIp,
      };
    }
    const systemId = this.mostCritical(server.systemIds);
    const system = systemId ? this.systems.get(systemId) : undefined;
    return {
      serverId: server.serverId,
      systemId: system ? systemId : null,
      agencyId: system?.ownerAgencyId ?? null,
      level: system?.level ?? null,
      assetKey: server.serverId,
      assetName: asset.name,
      assetIp: asset.ips.find((ip) => ip === server.ipv4) ?? asset.ips[0] ?? null,
    };
  }

  private mostCritical(systemIds: readonly string[]): string | null {
    let best: string | null = null;
    for (const id of systemIds) {
      if (!this.systems.has(id)) continue;
      const level = this.systems.get(id)!.level ?? 0;
      const bestLevel = best ? (this.systems.get(best)!.level ?? 0) : -1;
      if (level > bestLevel || (level === bestLevel && best !== null && id < best)) best = id;
    }
    return best;
  }
}
