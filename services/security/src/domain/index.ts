/** Pure rules of the security domain, shared with the seeds so synthetic data follows the same logic. */
export * from './asset-link';
export * from './compliance';
export * from './cvss';
export * from './fingerprint';
export * from './grading';
export * from './incident';
export * from './normalised-alert';
export * from './priority';
export * from './severity';
export * from './sla';
export * from './submitted-alert';
export * from './suricata';
export * from './suppression';
export * from './workflow';
export * from './wazuh';
