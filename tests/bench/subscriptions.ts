import { Cleanups, guard, machineLine } from './support';
import { runSubscriptionBench, subscriptionOptionsFromEnv } from './subscription-bench';

/**
 * `npm run bench:subscriptions` (issue 4): the cross-subgraph alert subscription through the
 * gateway for 1,000, 5,000 and 10,000 clients spread over 1, 10 and 100 filter variants (the
 * machinery is subscription-bench.ts, which `npm run bench:all` runs too).
 *
 * Knobs: BENCH_CLIENTS (default "1000,5000,10000"), BENCH_VARIANTS (default "1,10,100"),
 * BENCH_EVENTS per scenario (default 10), BENCH_EVENT_GAP_MS (default 1000), BENCH_LOADERS (default 2).
 */
const cleanups = new Cleanups();
const run = guard('bench:subscriptions', 12 * 60_000, () => cleanups.runAll());

run.run(async () => {
  const { report } = await runSubscriptionBench(subscriptionOptionsFromEnv({ clients: '1000,5000,10000', variants: '1,10,100' }), cleanups);
  console.log('');
  console.log(report.replace(/^## Subscriptions/, '## npm run bench:subscriptions'));
  console.log('');
  console.log(machineLine());
});
