import { runSubgraph } from '@ioc/kit';
import { egovSubgraph } from './subgraph';

await runSubgraph(egovSubgraph);
