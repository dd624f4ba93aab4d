/** Resources of a physical host or a virtual machine. */
export interface Resources {
  cpuCores: number;
  memoryGb: number;
  diskGb: number;
}

export const resourceNames = ['cpuCores', 'memoryGb', 'diskGb'] as const;
export type ResourceName = (typeof resourceNames)[number];

export function sumResources(items: readonly Resources[]): Resources {
  return items.reduce<Resources>(
    (total, item) => ({
      cpuCores: total.cpuCores + item.cpuCores,
      memoryGb: total.memoryGb + item.memoryGb,
      diskGb: total.diskGb + item.diskGb,
    }),
    { cpuCores: 0, memoryGb: 0, diskGb: 0 },
  );
}

export function freeResources(host: Resources, guests: readonly Resources[]): Resources {
  const used = sumResources(guests);
  return { cpuCores: host.cpuCores - used.cpuCores, memoryGb: host.memoryGb - used.memoryGb, diskGb: host.diskGb - used.diskGb };
}

/** The first resource a candidate VM would overcommit on the host, or null when it fits. */
export function overcommitted(host: Resources, guests: readonly Resources[], candidate: Resources): ResourceName | null {
  const free = freeResources(host, guests);
  return resourceNames.find((name) => candidate[name] > free[name]) ?? null;
}

/** VM sizes the data centre provisions, largest first. */
export const vmProfiles: readonly Resources[] = [
  { cpuCores: 16, memoryGb: 64, diskGb: 1000 },
  { cpuCores: 8, memoryGb: 32, diskGb: 500 },
  { cpuCores: 8, memoryGb: 16, diskGb: 300 },
  { cpuCores: 4, memoryGb: 16, diskGb: 200 },
  { cpuCores: 4, memoryGb: 8, diskGb: 100 },
  { cpuCores: 2, memoryGb: 4, diskGb: 60 },
];

export interface VmRequest {
  vmId: string;
  hostId: string;
}

/**
 * Sizes each VM with a profile drawn by `pick` (an index into the profiles that fit), never
 * exceeding its host's capacity. Throws when even the smallest profile no longer fits.
 */
export function sizeVirtualMachines(
  hosts: ReadonlyMap<string, Resources>,
  requests: readonly VmRequest[],
  pick: (fitting: readonly Resources[]) => Resources,
): Map<string, Resources> {
  const sized = new Map<string, Resources>();
  const guests = new Map<string, Resources[]>();
  for (const request of requests) {
    const host = hosts.get(request.hostId);
    if (!host) throw new Error(`${request.vmId}: unknown host ${request.hostId}`);
    const onHost = guests.get(request.hostId) ?? [];
    const fitting = vmProfiles.filter((profile) => overcommitted(host, onHost, profile) === null);
    if (!fitting.length) throw new Error(`${request.vmId}: host ${request.hostId} is full`);
    const size = pick(fitting);
    onHost.push(size);
    guests.set(request.hostId, onHost);
    sized.set(request.vmId, size);
  }
  return sized;
}
