import { runSubgraph } from '@ioc/kit';
import { economySubgraph } from './subgraph';

await runSubgraph(economySubgraph);
