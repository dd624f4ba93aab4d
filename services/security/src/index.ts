import { runSubgraph } from '@ioc/kit';
import { securitySubgraph } from './subgraph';

await runSubgraph(securitySubgraph);
