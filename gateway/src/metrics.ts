import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** The gateway's Prometheus metrics; subscription sharing is visible from outside through them. */
export function createGatewayMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ioc_gateway_' });
  // /metrics is public by default (scrapers inside the province network carry no token); the exact
  // Node.js version would tell anyone which published vulnerabilities apply.
  registry.removeSingleMetric('ioc_gateway_nodejs_version_info');
  const metrics = {
    registry,
    subscriptionsActive: new Gauge({
      name: 'ioc_gateway_subscriptions_active',
      help: 'Client subscriptions open at the gateway.',
      registers: [registry],
    }),
    subscriptionGroups: new Gauge({
      name: 'ioc_gateway_subscription_groups',
      help: 'Distinct (operation, variables, auth scope) groups that share one execution per event.',
      registers: [registry],
    }),
    upstreamSubscriptions: new Gauge({
      name: 'ioc_gateway_upstream_subscriptions',
      help: 'Subscriptions the gateway holds open on subgraphs.',
      registers: [registry],
    }),
    upstreamConnections: new Gauge({
      name: 'ioc_gateway_upstream_connections',
      help: 'graphql-ws connections to subgraphs (one per subgraph and auth scope).',
      registers: [registry],
    }),
    subscriptionEvents: new Counter({
      name: 'ioc_gateway_subscription_events_total',
      help: 'Events received from subgraph subscriptions.',
      registers: [registry],
    }),
    restExecutions: new Counter({
      name: 'ioc_gateway_subscription_rest_executions_total',
      help: 'Executions of the entity fetches that complete an event (once per group and event).',
      registers: [registry],
    }),
    backlogOverflows: new Counter({
      name: 'ioc_gateway_subscription_backlog_overflows_total',
      help: 'Subscription groups ended because events waiting to be completed reached the backlog limit (clients told to resubscribe).',
      registers: [registry],
    }),
    subgraphReadsShared: new Counter({
      name: 'ioc_gateway_subgraph_reads_shared_total',
      help: 'Subgraph reads answered by an identical read of the same scope already in flight (not sent again).',
      registers: [registry],
    }),
    operationsShared: new Counter({
      name: 'ioc_gateway_operations_shared_total',
      help: 'HTTP query requests answered by an identical one of the same scope already executing (not executed again).',
      registers: [registry],
    }),
    slowClientsDropped: new Counter({
      name: 'ioc_gateway_subscription_slow_clients_dropped_total',
      help: 'Client connections closed because they could not keep up with their events.',
      registers: [registry],
    }),
  };
  return metrics;
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
