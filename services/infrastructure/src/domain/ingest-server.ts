/**
 * What an `ingest` caller (the demo feed) may put into service. The role exists to move the
 * control room's screens, not to run the data centre: a real-looking physical host, a VM that
 * claims to serve the province's information systems, or one big enough to crowd real guests off
 * their host would be a forged fact on the dashboards. So only the feed's shape passes: a small
 * VM with no systems, no chosen host name, on the feed's own address range, and only a few of
 * them in service at once.
 */
export const ingestServerRules = {
  /** 10.254.0.0/16: the range the feed draws from, outside the seeded data centre's. */
  ipv4Prefix: '10.254.',
  maxCpuCores: 2,
  maxMemoryGb: 4,
  maxDiskGb: 50,
  /** In service at once, counting every ingest caller's: the feed keeps a handful. */
  maxInService: 20,
} as const;

export interface IngestServerRequest {
  kind: string;
  cpuCores: number;
  memoryGb: number;
  diskGb: number;
  ipv4: string;
  ipv6?: string | null;
  hostname?: string | null;
  systemIds?: readonly string[] | null;
}

/** Why an ingest caller may not add this server (the argument and what is wrong), or undefined when it may. */
export function ingestServerRefusal(input: IngestServerRequest): { argument: string; reason: string } | undefined {
  const rules = ingestServerRules;
  if (input.kind !== 'VIRTUAL') return { argument: 'input.kind', reason: `must be VIRTUAL for the ingest role, got ${input.kind}` };
  if ((input.systemIds ?? []).length > 0) return { argument: 'input.systemIds', reason: 'must be empty for the ingest role (only admins link servers to information systems)' };
  if (typeof input.hostname === 'string') return { argument: 'input.hostname', reason: 'is chosen by the data centre for the ingest role: leave it out' };
  if (typeof input.ipv6 === 'string') return { argument: 'input.ipv6', reason: 'must be left out for the ingest role' };
  if (!input.ipv4.startsWith(rules.ipv4Prefix)) return { argument: 'input.ipv4', reason: `must be in 10.254.0.0/16 for the ingest role, got ${input.ipv4}` };
  const sizes = [
    ['cpuCores', input.cpuCores, rules.maxCpuCores],
    ['memoryGb', input.memoryGb, rules.maxMemoryGb],
    ['diskGb', input.diskGb, rules.maxDiskGb],
  ] as const;
  for (const [name, value, max] of sizes) {
    if (value > max) return { argument: `input.${name}`, reason: `must be at most ${max} for the ingest role, got ${value}` };
  }
  return undefined;
}
