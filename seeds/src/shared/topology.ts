import { loadSystems } from './systems';

export const physicalHostCount = 31;
export const virtualMachineCount = 140;

export const hostId = (n: number) => `host-${String(n).padStart(2, '0')}`;
export const vmId = (n: number) => `vm-${String(n).padStart(3, '0')}`;

export interface Placement {
  vmId: string;
  hostId: string;
  /** Information systems (ids) served from this VM. */
  systemCodes: string[];
}

/**
 * Where the data centre runs what: VMs spread over hosts round-robin, and every system hosted
 * in the data centre given VMs of its own (the rest serve shared infrastructure). Infra seeds
 * the servers from this plan; security links alerts to the same servers and systems.
 */
export function dataCentrePlacement(): Placement[] {
  const hosted = loadSystems().filter((system) => system.inDataCentre).map((system) => system.code);
  const placements: Placement[] = [];
  for (let n = 1; n <= virtualMachineCount; n++) {
    const systemCode = hosted[(n - 1) % Math.max(hosted.length, 1)];
    placements.push({
      vmId: vmId(n),
      hostId: hostId(((n - 1) % physicalHostCount) + 1),
      systemCodes: n <= hosted.length * 2 && systemCode ? [systemCode] : [],
    });
  }
  return placements;
}
