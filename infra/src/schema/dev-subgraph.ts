/**
 * `npm run dev:subgraph -- <name>`: the whole graph as `npm start` runs it (embedded database,
 * seeds, the other subgraphs, the gateway and console), with this one subgraph in watch mode: it
 * restarts on every change to its sources, and its schema is regenerated and recomposed into
 * the supergraph the gateway reloads. The others are composed from their committed SDL.
 */
import { subgraphs } from '../subgraphs';

const name = process.argv[2];
const names = subgraphs.map(({ definition }) => definition.name);
if (!name || !names.includes(name)) {
  console.error(`usage: npm run dev:subgraph -- <${names.join('|')}>${name ? ` (unknown subgraph "${name}")` : ''}`);
  process.exit(2);
}
process.env.WATCH_SUBGRAPH = name;
await import('../start');
