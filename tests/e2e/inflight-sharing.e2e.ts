import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';

const scorecard = /* GraphQL */ `
  {
    province(code: "84") {
      digitalGovernment { indicators { code actual } }
      infrastructure { indicators { code actual } }
      security { indicators { code actual } }
      digitalEconomy { indicators { code actual } }
    }
  }
`;

const sharedReads = async (stack: Stack) => (await stack.gateway.metrics.subgraphReadsShared.get()).values[0]?.value ?? 0;
const sharedOperations = async (stack: Stack) => (await stack.gateway.metrics.operationsShared.get()).values[0]?.value ?? 0;

describe('identical subgraph reads in flight are shared per scope (issue 14)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ adminUrl: inject('postgresAdminUrl') });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a wall of screens asking for the scorecard at once: identical answers, operations and reads shared', async () => {
    const before = { reads: await sharedReads(stack), operations: await sharedOperations(stack) };
    // Two texts of one document: identical requests share the operation, the two operations' identical fetches share the reads.
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => stack.query(i % 2 ? scorecard : `${scorecard} `)));
    expect(answers[0]!.errors, JSON.stringify(answers[0]!.errors)).toBeUndefined();
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await sharedOperations(stack)).toBeGreaterThan(before.operations);
    expect(await sharedReads(stack)).toBeGreaterThan(before.reads);
  });

  it('never across scopes: a viewer and an analyst asking together each get their own rights', async () => {
    const query = '{ alerts(first: 1) { nodes { title } } }';
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => stack.query(query, {}, i % 2 ? 'soc-analyst' : 'ioc-viewer')));
    answers.forEach((answer, i) => {
      if (i % 2) expect(answer.errors).toBeUndefined();
      else expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('a read after a write sees the write, with identical reads in flight around it', async () => {
    const stations = await stack.query<{ btsStations: { nodes: Array<{ id: string; status: string }> } }>('{ btsStations(first: 1) { nodes { id status } } }');
    const station = stations.data!.btsStations.nodes[0]!;
    const next = station.status === 'DOWN' ? 'UP' : 'DOWN';
    const read = () => stack.query<{ btsStation: { status: string } }>(`{ btsStation(id: "${station.id}") { status } }`);
    const noise = Array.from({ length: 10 }, read);
    const written = await stack.query(`mutation { setBtsStatus(id: "${station.id}", status: ${next}) { id status } }`, {}, 'admin');
    expect(written.errors).toBeUndefined();
    expect((await read()).data!.btsStation.status).toBe(next);
    await Promise.all(noise);
  });
});
