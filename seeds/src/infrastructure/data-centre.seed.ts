import { foldVietnamese } from '@ioc/kit';
import { sizeVirtualMachines, type Resources } from '@ioc/infrastructure/capacity';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom, type Random } from '../random';
import { loadSystems } from '../shared/systems';
import { dataCentrePlacement, hostAddress, hostId, physicalHostCount, vmAddress, type Placement } from '../shared/topology';

/** Two generations of hosts: the newer ten are larger (synthetic; the plan gives only counts). */
export function hostCapacity(n: number): Resources {
  return n <= 10 ? { cpuCores: 64, memoryGb: 512, diskGb: 8000 } : { cpuCores: 48, memoryGb: 384, diskGb: 6000 };
}

export interface PlannedServer extends Resources {
  id: string;
  kind: 'PHYSICAL' | 'VIRTUAL';
  hostId: string | null;
  hostname: string;
  ipv4: string;
  ipv6: string | null;
  health: 'HEALTHY' | 'WARNING';
  commissionedOn: string;
  systemCodes: string[];
}

/** Systems moving to IPv6 in 2022 (plan, Part I, II.3.e): their VMs run dual-stack. */
const ipv6Systems = new Set(['provincial-portal', 'public-service-portal']);

/** The 31 hosts and 140 VMs of `dataCentrePlacement()`, each VM sized within its host's capacity. */
export function planDataCentre(random: Random, placement: readonly Placement[] = dataCentrePlacement()): PlannedServer[] {
  const hosts = new Map<string, Resources>();
  const planned: PlannedServer[] = [];
  for (let n = 1; n <= physicalHostCount; n++) {
    const id = hostId(n);
    const capacity = hostCapacity(n);
    hosts.set(id, capacity);
    planned.push({
      id,
      kind: 'PHYSICAL',
      hostId: null,
      ...hostAddress(n),
      ...capacity,
      ipv6: `2001:db8:84:1::${(n + 10).toString(16)}`,
      health: 'HEALTHY',
      commissionedOn: n <= 10 ? '2021-06-15' : '2017-09-20',
      systemCodes: [],
    });
  }
  const sizes = sizeVirtualMachines(hosts, placement, (fitting) =>
    random.weighted(fitting, fitting.map((profile) => (profile.cpuCores >= 16 ? 0.5 : profile.cpuCores >= 8 ? 1.5 : 1))),
  );
  placement.forEach((vm, index) => {
    const n = index + 1;
    const dualStack = vm.systemCodes.some((code) => ipv6Systems.has(code));
    planned.push({
      id: vm.vmId,
      kind: 'VIRTUAL',
      hostId: vm.hostId,
      ...vmAddress(vm, n),
      ...sizes.get(vm.vmId)!,
      ipv6: dualStack ? `2001:db8:84:10::${n.toString(16)}` : null,
      health: random.next() < 0.04 ? 'WARNING' : 'HEALTHY',
      commissionedOn: `20${random.int(18, 22)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      systemCodes: vm.systemCodes,
    });
  });
  return planned;
}

/** Domain names of the catalogue's systems (from their URLs) and their IPv6 migration. */
export function planDomains(): Array<{ name: string; systemId: string; ipv6Status: string; ipv6Plan: string | null; synthetic: boolean }> {
  return loadSystems()
    .filter((system) => (system as { url?: string }).url)
    .map((system) => {
      const url = (system as { url?: string }).url!;
      const name = new URL(/^https?:/.test(url) ? url : `https://${url}`).hostname.replace(/^www\./, '');
      const migrating = ipv6Systems.has(system.code);
      // The plan names the portal and the public-service portal as being moved; the others' status is assumed.
      return { name, systemId: system.code, ipv6Status: migrating ? 'IN_PROGRESS' : 'NOT_STARTED', ipv6Plan: name.endsWith('travinh.gov.vn') ? '46/KH-UBND' : null, synthetic: !migrating };
    });
}

export async function seedDataCentre(manager: EntityManager): Promise<{ servers: number; hostedSystems: number; domains: number }> {
  const servers = planDataCentre(createRandom(840171));
  const systemNames = new Map(loadSystems().map((system) => [system.code, system.nameEn]));
  const columns = [
    'id', 'kind', 'hostname', 'host_id', 'cpu_cores', 'memory_gb', 'disk_gb', 'ipv4', 'ipv6', 'health',
    'health_changed_at', 'status', 'commissioned_on', 'retired_at', 'search_name', 'synthetic',
  ];
  const row = (s: PlannedServer) => [
    s.id, s.kind, s.hostname, s.hostId, s.cpuCores, s.memoryGb, s.diskGb, s.ipv4, s.ipv6, s.health,
    `${s.commissionedOn}T08:00:00Z`, 'ACTIVE', s.commissionedOn, null,
    foldVietnamese([s.id, s.hostname, ...s.systemCodes.flatMap((code) => [code, systemNames.get(code) ?? ''])].join(' ')), true,
  ];
  // Hosts first: virtual machines reference them.
  await bulkInsert(manager, 'server', columns, servers.filter((s) => s.kind === 'PHYSICAL').map(row));
  await bulkInsert(manager, 'server', columns, servers.filter((s) => s.kind === 'VIRTUAL').map(row));
  const links = servers.flatMap((s) => s.systemCodes.map((code) => [s.id, code]));
  await bulkInsert(manager, 'server_system', ['server_id', 'system_id'], links);
  const domains = planDomains();
  await bulkInsert(
    manager,
    'internet_domain',
    ['name', 'system_id', 'ipv6_status', 'ipv6_plan', 'search_name', 'synthetic'],
    domains.map((d) => [d.name, d.systemId, d.ipv6Status, d.ipv6Plan, foldVietnamese(`${d.name} ${systemNames.get(d.systemId) ?? ''}`), d.synthetic]),
  );
  return { servers: servers.length, hostedSystems: links.length, domains: domains.length };
}
