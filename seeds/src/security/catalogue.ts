/**
 * Findings the synthetic 2022 alerts draw on: real CVEs of software a provincial data centre runs
 * (with their CVSS v3 base scores as published by NVD), configuration weaknesses a scanner reports,
 * and malware families common in Vietnamese public-sector networks in 2022.
 */
export interface VulnerabilityFinding {
  cve: string | null;
  cvss: number | null;
  /** Severity word for findings without a CVSS score. */
  word?: 'low' | 'medium' | 'high' | 'critical';
  title: string;
  weight: number;
}

export const vulnerabilities: VulnerabilityFinding[] = [
  { cve: 'CVE-2021-44228', cvss: 10.0, title: 'Apache Log4j2 JNDI remote code execution (Log4Shell)', weight: 4 },
  { cve: 'CVE-2021-45046', cvss: 9.0, title: 'Apache Log4j2 Thread Context lookup code execution', weight: 2 },
  { cve: 'CVE-2021-41773', cvss: 7.5, title: 'Apache HTTP Server 2.4.49 path traversal', weight: 2 },
  { cve: 'CVE-2021-42013', cvss: 9.8, title: 'Apache HTTP Server 2.4.50 path traversal and remote code execution', weight: 2 },
  { cve: 'CVE-2022-31813', cvss: 9.8, title: 'Apache HTTP Server mod_proxy X-Forwarded-For bypass', weight: 1 },
  { cve: 'CVE-2022-22965', cvss: 9.8, title: 'Spring Framework data binding remote code execution (Spring4Shell)', weight: 2 },
  { cve: 'CVE-2022-42889', cvss: 9.8, title: 'Apache Commons Text variable interpolation code execution', weight: 1 },
  { cve: 'CVE-2020-7961', cvss: 9.8, title: 'Liferay Portal JSON web services deserialisation', weight: 2 },
  { cve: 'CVE-2021-34473', cvss: 9.8, title: 'Microsoft Exchange Server remote code execution (ProxyShell)', weight: 2 },
  { cve: 'CVE-2022-41040', cvss: 8.8, title: 'Microsoft Exchange Server SSRF (ProxyNotShell)', weight: 2 },
  { cve: 'CVE-2019-0708', cvss: 9.8, title: 'Remote Desktop Services remote code execution (BlueKeep)', weight: 2 },
  { cve: 'CVE-2020-1472', cvss: 10.0, title: 'Netlogon elevation of privilege (Zerologon)', weight: 1 },
  { cve: 'CVE-2017-0144', cvss: 8.1, title: 'SMBv1 remote code execution (EternalBlue)', weight: 2 },
  { cve: 'CVE-2020-0796', cvss: 10.0, title: 'SMBv3 compression remote code execution (SMBGhost)', weight: 1 },
  { cve: 'CVE-2021-34527', cvss: 8.8, title: 'Windows Print Spooler remote code execution (PrintNightmare)', weight: 2 },
  { cve: 'CVE-2022-30190', cvss: 7.8, title: 'Microsoft Support Diagnostic Tool code execution (Follina)', weight: 2 },
  { cve: 'CVE-2022-21907', cvss: 9.8, title: 'HTTP.sys protocol stack remote code execution', weight: 1 },
  { cve: 'CVE-2022-0847', cvss: 7.8, title: 'Linux kernel pipe privilege escalation (Dirty Pipe)', weight: 2 },
  { cve: 'CVE-2021-4034', cvss: 7.8, title: 'polkit pkexec local privilege escalation (PwnKit)', weight: 3 },
  { cve: 'CVE-2021-3156', cvss: 7.8, title: 'sudo heap overflow (Baron Samedit)', weight: 2 },
  { cve: 'CVE-2021-22005', cvss: 9.8, title: 'VMware vCenter Server arbitrary file upload', weight: 1 },
  { cve: 'CVE-2021-21972', cvss: 9.8, title: 'VMware vCenter Server vSphere Client remote code execution', weight: 1 },
  { cve: 'CVE-2018-13379', cvss: 9.8, title: 'Fortinet FortiOS SSL VPN path traversal', weight: 1 },
  { cve: 'CVE-2022-40684', cvss: 9.8, title: 'Fortinet FortiOS administrative interface authentication bypass', weight: 1 },
  { cve: 'CVE-2021-23017', cvss: 7.7, title: 'nginx resolver off-by-one', weight: 2 },
  { cve: 'CVE-2014-0160', cvss: 7.5, title: 'OpenSSL heartbeat information disclosure (Heartbleed)', weight: 1 },
  { cve: 'CVE-2016-2183', cvss: 7.5, title: 'TLS 64-bit block ciphers birthday attack (SWEET32)', weight: 4 },
  { cve: 'CVE-2018-15473', cvss: 5.3, title: 'OpenSSH username enumeration', weight: 4 },
  { cve: 'CVE-2020-11022', cvss: 6.1, title: 'jQuery htmlPrefilter cross-site scripting', weight: 5 },
  { cve: 'CVE-2019-11358', cvss: 6.1, title: 'jQuery extend prototype pollution', weight: 4 },
  { cve: 'CVE-2013-2566', cvss: 5.9, title: 'TLS RC4 cipher suites enabled', weight: 3 },
  { cve: 'CVE-2014-3566', cvss: 3.4, title: 'SSLv3 padding oracle (POODLE)', weight: 2 },
  { cve: 'CVE-2015-4000', cvss: 3.7, title: 'TLS export Diffie-Hellman downgrade (Logjam)', weight: 2 },
  { cve: null, cvss: null, word: 'low', title: 'Missing HTTP security headers (HSTS, CSP, X-Frame-Options)', weight: 6 },
  { cve: null, cvss: null, word: 'low', title: 'Server version disclosed in HTTP headers', weight: 4 },
  { cve: null, cvss: null, word: 'medium', title: 'Directory listing enabled on web server', weight: 3 },
  { cve: null, cvss: null, word: 'medium', title: 'TLS 1.0 and 1.1 still enabled', weight: 4 },
  { cve: null, cvss: null, word: 'medium', title: 'Database administration page reachable from the Internet', weight: 2 },
  { cve: null, cvss: null, word: 'high', title: 'Default credentials accepted on an administration console', weight: 2 },
  { cve: null, cvss: null, word: 'high', title: 'Outdated CMS plugin with known SQL injection', weight: 3 },
];

export interface MalwareFamily {
  name: string;
  /** Severity words an NCSC bulletin uses, Wazuh rule level, Suricata priority. */
  word: 'trung bình' | 'cao' | 'nghiêm trọng';
  wazuhLevel: number;
  suricataPriority: number;
  weight: number;
}

export const malware: MalwareFamily[] = [
  { name: 'Emotet', word: 'cao', wazuhLevel: 12, suricataPriority: 1, weight: 3 },
  { name: 'AgentTesla', word: 'cao', wazuhLevel: 10, suricataPriority: 2, weight: 4 },
  { name: 'Formbook', word: 'cao', wazuhLevel: 10, suricataPriority: 2, weight: 3 },
  { name: 'PlugX', word: 'nghiêm trọng', wazuhLevel: 13, suricataPriority: 1, weight: 2 },
  { name: 'Cobalt Strike Beacon', word: 'nghiêm trọng', wazuhLevel: 14, suricataPriority: 1, weight: 1 },
  { name: 'njRAT', word: 'cao', wazuhLevel: 11, suricataPriority: 2, weight: 2 },
  { name: 'Remcos', word: 'cao', wazuhLevel: 11, suricataPriority: 2, weight: 2 },
  { name: 'XMRig CoinMiner', word: 'trung bình', wazuhLevel: 7, suricataPriority: 3, weight: 3 },
  { name: 'Mirai', word: 'trung bình', wazuhLevel: 7, suricataPriority: 2, weight: 2 },
  { name: 'Conficker', word: 'trung bình', wazuhLevel: 7, suricataPriority: 3, weight: 4 },
  { name: 'Sality', word: 'trung bình', wazuhLevel: 6, suricataPriority: 3, weight: 4 },
  { name: 'Ramnit', word: 'trung bình', wazuhLevel: 6, suricataPriority: 3, weight: 2 },
  { name: 'China Chopper web shell', word: 'nghiêm trọng', wazuhLevel: 13, suricataPriority: 1, weight: 1 },
  { name: 'WannaCry', word: 'nghiêm trọng', wazuhLevel: 15, suricataPriority: 1, weight: 1 },
];

/** SOC analysts (synthetic handles). */
export const analysts = ['soc.lam', 'soc.thao', 'soc.khang', 'soc.ngoc', 'soc.phuc'];

/** How exposed each data-centre system is: public-facing systems draw more alerts. */
export const exposure: Record<string, number> = {
  'provincial-portal': 8,
  'public-service-portal': 8,
  'one-stop-system': 5,
  'official-email': 7,
  'business-portal': 4,
  'startup-portal': 3,
  pakn: 4,
  'smart-travinh-app': 4,
  ioffice: 4,
  lgsp: 3,
};
