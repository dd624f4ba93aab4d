import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';

interface FigureEntry {
  figure: string;
  operation: string;
  variables: Record<string, unknown>;
  path: string;
}

/** The plan's figures (2022 unless named), as issue "four domain subgraphs" fixes them. */
const expected: Record<string, number> = {
  'units.districts': 9,
  'units.communes': 106,
  'telecom.operators': 6,
  'bts.total': 1208,
  'bts.lte': 1041,
  'servers.total': 171,
  'servers.physical': 31,
  'servers.virtual': 140,
  'network.agenciesConnected': 150,
  'lan.secured': 133,
  'certificates.active': 2582,
  'certificates.organization': 479,
  'certificates.personal': 2103,
  'certificates.simPki': 74,
  'systems.total': 47,
  'systems.graded': 21,
  'alerts.2022.total': 421,
  'alerts.2022.vulnerability': 296,
  'alerts.2022.malware': 125,
  'services.online': 1858,
  'services.level3': 551,
  'services.level4': 1077,
  'procedures.published': 1466,
  'procedures.nationalPortal': 930,
  'dossiers.2022.received': 288374,
  'dossiers.2022.online': 45173,
  'dossiers.2022.resolved': 281494,
  'ioffice.agencies': 577,
  'ioffice.users': 7334,
  'ioffice.2022.documents': 237758,
  'ioffice.2022.signed': 192152,
  'mail.mailboxes': 9096,
  'economy.ictEnterprises': 115,
  'ecommerce.provincial.enterprises': 125,
  'ecommerce.provincial.products': 638,
  'ecommerce.farmHouseholds': 68627,
  'ocop.products': 104,
  'ocop.listed': 89,
  'einvoice.taxCodes': 3768,
  'payments.accounts': 646721,
  'payments.mobileMoney': 30909,
  'community.teams': 732,
  'community.members': 3842,
  'plan.2023.tasks': 62,
  'plan.2023.projects': 9,
  'plan.2023.budget': 72524,
  'plan.2023.investment': 42151,
  'plan.2023.recurring': 30373,
  'plan.2022.projects': 6,
  'plan.2022.spend': 39217.236,
  'indicator.dossiersOnlineShare.target': 50,
  'indicator.dossiersOnlineShare.baseline': 15.66,
  'indicator.systemsGradedShare.target': 80,
};

const entries = JSON.parse(readFileSync(join(import.meta.dirname, 'figures.json'), 'utf8')) as FigureEntry[];

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null | undefined)?.[key], value);
}

describe('the figures contract, through the gateway on the full seed', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'full' });
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('has exactly one entry per figure', () => {
    expect(entries.map((entry) => entry.figure).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(entries.map((entry) => [entry.figure, entry] as const))('%s', async (figure, entry) => {
    const result = await stack.query(entry.operation, entry.variables);
    expect(result.errors).toBeUndefined();
    expect(at(result, entry.path)).toBe(expected[figure]);
  });
});
