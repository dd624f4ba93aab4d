import { composeServices } from '@apollo/composition';
import { parse, type GraphQLError } from 'graphql';

export interface ComposableSubgraph {
  name: string;
  url: string;
  sdl: string;
}

/** One composition error or hint, with what a subgraph team needs to find it. */
export interface CompositionIssue {
  code: string;
  message: string;
  /** Subgraphs the issue points into (empty when composition did not say). */
  subgraphs: string[];
  /** The type or field concerned, e.g. `Thing.name`, when composition names one. */
  coordinate?: string;
}

export interface CompositionReport {
  /** Set only when composition succeeded. */
  supergraphSdl?: string;
  errors: CompositionIssue[];
  hints: CompositionIssue[];
}

export class CompositionError extends Error {
  constructor(readonly issues: CompositionIssue[]) {
    super(`supergraph composition failed:\n${issues.map((issue) => `  - ${formatIssue(issue)}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes subgraph SDL with @apollo/composition (no rover binary needed), keeping errors and hints. */
export function composeReport(subgraphs: ComposableSubgraph[]): CompositionReport {
  const services = [];
  const syntax: CompositionIssue[] = [];
  for (const { name, url, sdl } of subgraphs) {
    try {
      services.push({ name, url, typeDefs: parse(sdl) });
    } catch (error) {
      syntax.push({ code: 'INVALID_GRAPHQL', message: (error as Error).message, subgraphs: [name] });
    }
  }
  if (syntax.length) return { errors: syntax, hints: [] };
  const result = composeServices(services);
  if (result.errors) return { errors: result.errors.map(issueOfError), hints: [] };
  const hints = result.hints.map((hint) => ({
    code: hint.definition.code,
    message: hint.message,
    subgraphs: subgraphsOf(hint.nodes),
    coordinate: hint.coordinate ?? coordinateIn(hint.message),
  }));
  return { supergraphSdl: result.supergraphSdl, errors: [], hints };
}

/** The supergraph SDL, or a CompositionError naming each problem. */
export function composeSupergraph(subgraphs: ComposableSubgraph[]): string {
  const report = composeReport(subgraphs);
  if (!report.supergraphSdl) throw new CompositionError(report.errors);
  return report.supergraphSdl;
}

/** `[CODE] Type.field (subgraphs a, b): message` */
export function formatIssue(issue: CompositionIssue): string {
  const where = [issue.coordinate, issue.subgraphs.length ? `(subgraph${issue.subgraphs.length > 1 ? 's' : ''} ${issue.subgraphs.join(', ')})` : undefined];
  return `[${issue.code}] ${where.filter(Boolean).join(' ')}: ${issue.message}`;
}

function issueOfError(error: GraphQLError): CompositionIssue {
  // Subgraph validation errors start with "[subgraph]"; merge errors carry the subgraph on their nodes.
  const prefixed = /^\[([^\]]+)\] /.exec(error.message)?.[1];
  const subgraphs = subgraphsOf(error.nodes);
  return {
    code: String(error.extensions.code ?? 'COMPOSITION_ERROR'),
    message: error.message,
    subgraphs: subgraphs.length ? subgraphs : (prefixed ? [prefixed] : subgraphsIn(error.message)),
    coordinate: coordinateIn(error.message),
  };
}

function subgraphsOf(nodes: readonly unknown[] | undefined): string[] {
  const names = (nodes ?? []).map((node) => (node as { subgraph?: string }).subgraph).filter((name): name is string => Boolean(name));
  return [...new Set(names)];
}

/** `… in subgraph "a" … in subgraph "c"`, `subgraphs "a" and "c"` */
function subgraphsIn(message: string): string[] {
  const listed = /subgraphs? ((?:"[^"]+"(?:, | and )?)+)/.exec(message)?.[1];
  return listed ? [...listed.matchAll(/"([^"]+)"/g)].map((match) => match[1]!) : [];
}

/** The first quoted type or field coordinate of a message: `"Thing.name"`, `type "Thing"`. */
function coordinateIn(message: string): string | undefined {
  return /"([A-Z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\([A-Za-z_][A-Za-z0-9_]*:\))?)?)"/.exec(message)?.[1];
}
