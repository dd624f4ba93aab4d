import { describe, expect, it } from 'vitest';
import { freeResources, overcommitted, sizeVirtualMachines, sumResources, vmProfiles, type Resources } from '@ioc/infrastructure/capacity';
import { hostCapacity, planDataCentre } from '../src/infrastructure/data-centre.seed';
import { createRandom } from '../src/random';
import { dataCentrePlacement } from '../src/shared/topology';

describe('VM placement within host capacity', () => {
  it('finds the resource a VM would overcommit', () => {
    const host = { cpuCores: 16, memoryGb: 64, diskGb: 1000 };
    const guests = [{ cpuCores: 8, memoryGb: 16, diskGb: 200 }];
    expect(overcommitted(host, guests, { cpuCores: 8, memoryGb: 48, diskGb: 800 })).toBeNull();
    expect(overcommitted(host, guests, { cpuCores: 9, memoryGb: 1, diskGb: 1 })).toBe('cpuCores');
    expect(overcommitted(host, guests, { cpuCores: 1, memoryGb: 49, diskGb: 1 })).toBe('memoryGb');
    expect(overcommitted(host, guests, { cpuCores: 1, memoryGb: 1, diskGb: 801 })).toBe('diskGb');
    expect(freeResources(host, guests)).toEqual({ cpuCores: 8, memoryGb: 48, diskGb: 800 });
  });

  it('sizes VMs down as a host fills, and refuses a full host', () => {
    const hosts = new Map([['h', { cpuCores: 20, memoryGb: 80, diskGb: 1300 }]]);
    const largest = (fitting: readonly Resources[]) => fitting[0]!;
    const sizes = sizeVirtualMachines(hosts, [{ vmId: 'a', hostId: 'h' }, { vmId: 'b', hostId: 'h' }], largest);
    expect(sizes.get('a')).toEqual(vmProfiles[0]);
    expect(sizes.get('b')!.cpuCores).toBeLessThanOrEqual(4);
    const tiny = new Map([['h', { cpuCores: 2, memoryGb: 4, diskGb: 60 }]]);
    expect(() => sizeVirtualMachines(tiny, [{ vmId: 'a', hostId: 'h' }, { vmId: 'b', hostId: 'h' }], largest)).toThrow(/host h is full/);
    expect(() => sizeVirtualMachines(tiny, [{ vmId: 'a', hostId: 'x' }], largest)).toThrow(/unknown host x/);
  });

  it('plans 31 hosts and 140 VMs on the shared placement, no host overcommitted', () => {
    const servers = planDataCentre(createRandom(840171));
    const hosts = servers.filter((s) => s.kind === 'PHYSICAL');
    const vms = servers.filter((s) => s.kind === 'VIRTUAL');
    expect(hosts.map((h) => h.id)).toEqual(Array.from({ length: 31 }, (_, i) => `host-${String(i + 1).padStart(2, '0')}`));
    expect(vms.map((v) => v.id)).toEqual(Array.from({ length: 140 }, (_, i) => `vm-${String(i + 1).padStart(3, '0')}`));
    const placement = new Map(dataCentrePlacement().map((p) => [p.vmId, p]));
    for (const vm of vms) {
      expect(vm.hostId).toBe(placement.get(vm.id)!.hostId);
      expect(vm.systemCodes).toEqual(placement.get(vm.id)!.systemCodes);
    }
    hosts.forEach((host, index) => {
      const used = sumResources(vms.filter((vm) => vm.hostId === host.id));
      const capacity = hostCapacity(index + 1);
      expect(used.cpuCores).toBeLessThanOrEqual(capacity.cpuCores);
      expect(used.memoryGb).toBeLessThanOrEqual(capacity.memoryGb);
      expect(used.diskGb).toBeLessThanOrEqual(capacity.diskGb);
    });
    expect(new Set(servers.map((s) => s.ipv4)).size).toBe(171);
  });

  it('is deterministic', () => {
    expect(planDataCentre(createRandom(840171))).toEqual(planDataCentre(createRandom(840171)));
  });
});
