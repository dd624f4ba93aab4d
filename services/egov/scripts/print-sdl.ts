import { buildSubgraphSchemaOf } from '@ioc/kit';
import { egovSubgraph } from '../src/subgraph';
const { sdl } = await buildSubgraphSchemaOf(egovSubgraph);
console.log(sdl);
