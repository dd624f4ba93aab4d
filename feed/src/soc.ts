import type { Random } from '@ioc/seeds/random';

/** A host the SOC's sensors watch: a Wazuh agent on a server of the provincial data centre. */
export interface WatchedServer {
  id: string;
  hostname: string;
  /** Index in the catalogue: the agent id and the address derive from it. */
  index: number;
}

/** A line of Wazuh's alerts.json, with the fields its rules write. */
export interface WazuhAlert {
  timestamp: string;
  id: string;
  rule: { id: string; level: number; description: string; groups: string[]; mitre?: { id: string[]; tactic: string[] }; firedtimes: number };
  agent: { id: string; name: string; ip: string };
  manager: { name: string };
  decoder: { name: string };
  location: string;
  full_log?: string;
  data?: Record<string, unknown>;
}

/** A Suricata EVE JSON `alert` event. */
export interface SuricataAlert {
  timestamp: string;
  flow_id: number;
  event_type: 'alert';
  src_ip: string;
  src_port: number;
  dest_ip: string;
  dest_port: number;
  proto: 'TCP' | 'UDP';
  alert: { action: 'allowed' | 'blocked'; gid: 1; signature_id: number; rev: number; signature: string; category: string; severity: 1 | 2 | 3; metadata?: Record<string, string[]> };
}

const manager = { name: 'wazuh-manager.soc.travinh.gov.vn' };
/** Addresses of the data centre's server VLAN (RFC 1918), one per watched server. */
const serverIp = (server: WatchedServer) => `10.84.${10 + Math.floor(server.index / 250)}.${(server.index % 250) + 2}`;
const agentId = (server: WatchedServer) => String(server.index + 1).padStart(3, '0');

/** Real CVEs with the CVSS v3.1 vectors NVD gives them: what the vulnerability detector reports on these stacks. */
const vulnerabilities = [
  { cve: 'CVE-2021-44228', pkg: 'log4j-core', version: '2.14.1', score: 10.0, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', title: 'Apache Log4j2 JNDI remote code execution' },
  { cve: 'CVE-2023-44487', pkg: 'nginx', version: '1.22.1', score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', title: 'HTTP/2 Rapid Reset denial of service' },
  { cve: 'CVE-2024-6387', pkg: 'openssh-server', version: '1:9.2p1-2', score: 8.1, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', title: 'OpenSSH regreSSHion signal handler race' },
  { cve: 'CVE-2023-4911', pkg: 'libc6', version: '2.36-9', score: 7.8, vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', title: 'glibc Looney Tunables local privilege escalation' },
  { cve: 'CVE-2022-22965', pkg: 'spring-beans', version: '5.3.17', score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', title: 'Spring4Shell remote code execution' },
  { cve: 'CVE-2023-38545', pkg: 'curl', version: '7.88.1', score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', title: 'curl SOCKS5 heap buffer overflow' },
] as const;

const signatures = [
  { sid: 2001219, rev: 20, signature: 'ET SCAN Potential SSH Scan', category: 'Attempted Information Leak', severity: 2 as const, port: 22 },
  { sid: 2019401, rev: 4, signature: 'ET SCAN Suspicious inbound to mySQL port 3306', category: 'Potentially Bad Traffic', severity: 2 as const, port: 3306 },
  { sid: 2034647, rev: 2, signature: 'ET EXPLOIT Apache log4j RCE Attempt (http ldap) (CVE-2021-44228)', category: 'Attempted Administrator Privilege Gain', severity: 1 as const, port: 443 },
  { sid: 2011716, rev: 4, signature: 'ET WEB_SERVER Possible SQL Injection Attempt UNION SELECT', category: 'Web Application Attack', severity: 1 as const, port: 443 },
  { sid: 2008578, rev: 6, signature: 'ET SCAN Sipvicious Scan', category: 'Attempted Information Leak', severity: 3 as const, port: 5060 },
] as const;

/** Public addresses attackers come from (documentation ranges, RFC 5737): never a real third party. */
const attackerIp = (random: Random) => `${random.pick(['198.51.100', '203.0.113', '192.0.2'])}.${random.int(1, 254)}`;

type WazuhKind = 'ssh-brute-force' | 'web-brute-force' | 'vulnerability' | 'malware';

/** One Wazuh alert as the manager writes it; `legacy` uses the pre-4.8 vulnerability-detector shape. */
export function wazuhAlert(random: Random, server: WatchedServer, at: Date, serial: number): WazuhAlert {
  const kind = random.weighted<WazuhKind>(['ssh-brute-force', 'web-brute-force', 'vulnerability', 'malware'], [4, 2, 3, 1]);
  const base = {
    timestamp: at.toISOString().replace('Z', '+0000'),
    id: `${Math.floor(at.getTime() / 1000)}.${serial}`,
    agent: { id: agentId(server), name: server.hostname, ip: serverIp(server) },
    manager,
  };
  const from = attackerIp(random);
  switch (kind) {
    case 'ssh-brute-force':
      return {
        ...base,
        rule: { id: '5763', level: 10, description: 'sshd: brute force trying to get access to the system. Authentication failed.', groups: ['syslog', 'sshd', 'authentication_failures'], mitre: { id: ['T1110'], tactic: ['Credential Access'] }, firedtimes: random.int(1, 40) },
        decoder: { name: 'sshd' },
        location: '/var/log/auth.log',
        full_log: `sshd[${random.int(1000, 65000)}]: Failed password for invalid user admin from ${from} port ${random.int(30000, 65000)} ssh2`,
        data: { srcip: from, srcport: String(random.int(30000, 65000)), dstuser: 'admin' },
      };
    case 'web-brute-force':
      return {
        ...base,
        rule: { id: '31151', level: 10, description: 'Multiple web server 400 error codes from same source ip.', groups: ['web', 'accesslog', 'web_scan', 'recon'], mitre: { id: ['T1595.002'], tactic: ['Reconnaissance'] }, firedtimes: random.int(1, 20) },
        decoder: { name: 'web-accesslog' },
        location: '/var/log/nginx/access.log',
        full_log: `${from} - - [${at.toUTCString()}] "POST /wp-login.php HTTP/1.1" 404 153 "-" "Mozilla/5.0"`,
        data: { srcip: from, protocol: 'POST', url: '/wp-login.php', id: '404' },
      };
    case 'vulnerability': {
      const v = random.pick(vulnerabilities);
      const legacy = random.next() < 0.5;
      const vulnerability = legacy
        ? { cve: v.cve, title: `${v.cve} affects ${v.pkg}`, severity: v.score >= 9 ? 'Critical' : 'High', cvss: { cvss3: { base_score: String(v.score), vector: { attack_vector: v.vector } } }, package: { name: v.pkg, version: v.version }, status: 'Active' }
        : { id: v.cve, description: v.title, severity: v.score >= 9 ? 'Critical' : 'High', score: { base: v.score, version: '3.1' }, scanner: { vendor: 'Wazuh' }, classification: 'CVSS', reference: `https://nvd.nist.gov/vuln/detail/${v.cve}`, package: { name: v.pkg, version: v.version }, cvss_vector: v.vector };
      return {
        ...base,
        rule: { id: legacy ? '23505' : '23506', level: v.score >= 9 ? 13 : 10, description: `${v.cve} affects ${v.pkg}`, groups: ['vulnerability-detector'], firedtimes: 1 },
        decoder: { name: 'json' },
        location: 'vulnerability-detector',
        data: { vulnerability },
      };
    }
    case 'malware':
      return {
        ...base,
        rule: { id: '554', level: 12, description: 'File added to the system: known malware (rootcheck).', groups: ['ossec', 'syscheck', 'syscheck_entry_added', 'malware'], mitre: { id: ['T1105'], tactic: ['Command and Control'] }, firedtimes: 1 },
        decoder: { name: 'syscheck_new_entry' },
        location: 'syscheck',
        full_log: "File '/tmp/.x/kinsing' added",
        data: { syscheck: { path: '/tmp/.x/kinsing', sha256_after: 'a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00', event: 'added' } },
      };
  }
}

/** One Suricata alert on traffic towards a watched server. */
export function suricataAlert(random: Random, server: WatchedServer, at: Date): SuricataAlert {
  const s = random.pick(signatures);
  return {
    timestamp: at.toISOString().replace('Z', '+0000'),
    flow_id: random.int(1, 2 ** 31) * 1000 + random.int(0, 999),
    event_type: 'alert',
    src_ip: attackerIp(random),
    src_port: random.int(30000, 65000),
    dest_ip: serverIp(server),
    dest_port: s.port,
    proto: s.port === 5060 ? 'UDP' : 'TCP',
    alert: { action: s.severity === 1 ? 'blocked' : 'allowed', gid: 1, signature_id: s.sid, rev: s.rev, signature: s.signature, category: s.category, severity: s.severity, metadata: { created_at: ['2021_12_10'] } },
  };
}

/** A record as the SOC's tools write it, for `POST /ingest/<source>` (docs/soc.md). */
export type SocRecord = { source: 'wazuh'; record: WazuhAlert } | { source: 'suricata'; record: SuricataAlert };

/**
 * Another event of a rule on a host already alerting (a new Wazuh id or Suricata flow, now): the
 * subgraph folds it into the open alert, so deduplication shows.
 */
export function repeatRecord(random: Random, seen: SocRecord, at: Date, serial: number): SocRecord {
  const timestamp = at.toISOString().replace('Z', '+0000');
  return seen.source === 'wazuh'
    ? { source: 'wazuh', record: { ...seen.record, timestamp, id: `${Math.floor(at.getTime() / 1000)}.${serial}` } }
    : { source: 'suricata', record: { ...seen.record, timestamp, flow_id: random.int(1, 2 ** 31) * 1000 + random.int(0, 999) } };
}
