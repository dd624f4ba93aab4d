import { runSubgraph } from '@ioc/kit';
import { infrastructureSubgraph } from './subgraph';

await runSubgraph(infrastructureSubgraph);
