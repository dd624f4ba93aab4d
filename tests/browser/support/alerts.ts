import { gatewayTokenHeader, signGatewayToken } from '@ioc/kit';
import type { Stack } from '../../support/stack';

const raise = `mutation BrowserTest_RaiseAlert($input: RaiseAlertInput!) {
  raiseAlert(input: $input) { deduplicated alert { id } }
}`;

export interface RaisedAlert {
  id: string;
}

/** An intrusion on iOffice's VM, as a tool reports it (Suricata priority 1 is CRITICAL). */
const alertInput = (title: string) => ({ kind: 'INTRUSION', source: 'SURICATA', rawSeverity: '1', title, systemId: 'ioffice', serverId: 'vm-001' });

function raisedFrom(body: { data?: { raiseAlert?: { deduplicated: boolean; alert: RaisedAlert } } | null; errors?: unknown }): RaisedAlert {
  const result = body.data?.raiseAlert;
  if (!result || body.errors) throw new Error(`raiseAlert failed: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  if (result.deduplicated) throw new Error('raiseAlert was deduplicated: give each test alert its own title');
  return result.alert;
}

/** Raises an alert through the gateway with the ingest role, as a SOC tool does. */
export async function raiseAlert(stack: Stack, title: string): Promise<RaisedAlert> {
  return raisedFrom(await stack.query(raise, { input: alertInput(title) }, 'ingest'));
}

/** Raises an alert straight on the security subgraph, for when the gateway is down. */
export async function raiseAlertOnSubgraph(stack: Stack, title: string): Promise<RaisedAlert> {
  const token = await signGatewayToken({ subject: 'browser-test-feed', role: 'ingest' }, stack.secrets.gatewayTokenSecret, 120);
  const response = await fetch(stack.subgraphs.get('security')!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [gatewayTokenHeader]: token },
    body: JSON.stringify({ query: raise, variables: { input: alertInput(title) } }),
  });
  return raisedFrom((await response.json()) as never);
}
