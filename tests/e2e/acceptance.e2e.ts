import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';

const acceptance = /* GraphQL */ `
  {
    province(code: "84") {
      code
      name
      digitalGovernment { __typename }
      infrastructure { __typename }
      security { __typename }
      digitalEconomy { __typename }
    }
  }
`;

describe('the federated graph through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ adminUrl: inject('postgresAdminUrl') });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers the acceptance query from all four subgraphs', async () => {
    const result = await stack.query(acceptance);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      province: {
        code: '84',
        name: 'Trà Vinh',
        digitalGovernment: { __typename: 'DigitalGovernmentSummary' },
        infrastructure: { __typename: 'InfrastructureSummary' },
        security: { __typename: 'SecuritySummary' },
        digitalEconomy: { __typename: 'DigitalEconomySummary' },
      },
    });
  });

  it('returns null for an unknown province', async () => {
    const result = await stack.query('{ province(code: "99") { name } }');
    expect(result).toEqual({ data: { province: null } });
  });

  it('keeps answering from the other subgraphs when one is down', async () => {
    await stack.stopSubgraph('security');
    const result = await stack.query(acceptance);
    expect(result.data?.province).toMatchObject({
      name: 'Trà Vinh',
      digitalGovernment: { __typename: 'DigitalGovernmentSummary' },
      infrastructure: { __typename: 'InfrastructureSummary' },
      digitalEconomy: { __typename: 'DigitalEconomySummary' },
      security: null,
    });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^subgraph "security" is unavailable/), extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "security" } });
  });
});
