import { loadSystems } from './systems';

export const physicalHostCount = 31;
export const virtualMachineCount = 140;

export const hostId = (n: number) => `host-${String(n).padStart(2, '0')}`;
export const vmId = (n: number) => `vm-${String(n).padStart(3, '0')}`;

/** The n-th physical host's name and address (infra's server rows; security links Wazuh agents by them). */
export const hostAddress = (n: number) => ({ hostname: `${hostId(n)}.dc.travinh.gov.vn`, ipv4: `10.84.1.${n + 10}` });

/** The n-th VM's (1-based, in placement order) name and address: named after its first system. */
export const vmAddress = (vm: Placement, n: number) => ({
  hostname: `${vm.systemCodes[0] ? `${vm.systemCodes[0]}-${n}` : vm.vmId}.dc.travinh.gov.vn`,
  ipv4: `10.84.${10 + Math.floor(n / 250)}.${(n % 250) + 1}`,
});

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
