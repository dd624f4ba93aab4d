import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { Kind, parse, validate, type GraphQLSchema } from 'graphql';
import { composeReport, formatIssue, type ComposableSubgraph, type CompositionReport } from '@ioc/gateway/compose';
import { apiSchemaOf, buildContractSchema, contracts, ContractError, type Audience } from '@ioc/gateway/contracts';
import type { Acknowledgement } from './acknowledgements';
import { adviceFor } from './advice';
import type { KnownOperation } from './operations';

/** A supergraph to compare with: the committed file, `main`'s. */
export interface Baseline {
  label: string;
  supergraphSdl: string;
}

export interface SchemaCheckInput {
  /** Every subgraph's SDL as it would be composed now. */
  subgraphs: ComposableSubgraph[];
  baselines: Baseline[];
  operations: KnownOperation[];
  acknowledgements: Acknowledgement[];
}

/** `api` is the whole API schema; a contract is named by its audience. */
export type SchemaName = 'api' | Audience;

export interface ReportedChange {
  schema: SchemaName;
  level: 'breaking' | 'dangerous' | 'safe';
  type: string;
  path?: string;
  message: string;
  /** Subgraphs that own the changed type or field. */
  subgraphs: string[];
  /** Baselines the change is against. */
  against: string[];
  /** The committed reason, when a team acknowledged a breaking change. */
  acknowledged?: string;
}

export interface BrokenOperation {
  operation: string;
  source: string;
  schema: SchemaName;
  errors: string[];
  /** Valid against the first baseline: this change breaks it. */
  newlyBroken: boolean;
}

export interface SchemaCheckReport {
  composition: CompositionReport;
  changes: ReportedChange[];
  brokenOperations: BrokenOperation[];
  contractErrors: string[];
  /** Acknowledgements without a reason (refused) or matching no change (to remove). */
  badAcknowledgements: string[];
  unusedAcknowledgements: string[];
  notes: string[];
  /** Why the check fails; empty when it passes. */
  failures: string[];
}

/**
 * The schema check of `npm run schema:check`: composes the subgraphs, diffs the API schema and each
 * contract against every baseline with @graphql-inspector/core, and validates every known
 * operation against the schema its callers get. Pure: callers gather the SDL, baselines and
 * operations (the CLI from the working tree and git, tests from copies).
 */
export async function checkSchemas(input: SchemaCheckInput): Promise<SchemaCheckReport> {
  const composition = composeReport(input.subgraphs);
  const report: SchemaCheckReport = { composition, changes: [], brokenOperations: [], contractErrors: [], badAcknowledgements: [], unusedAcknowledgements: [], notes: [], failures: [] };
  if (!composition.supergraphSdl) {
    report.failures.push(`the supergraph does not compose (${composition.errors.length} error${composition.errors.length === 1 ? '' : 's'})`);
    return report;
  }
  const current = schemasOf(composition.supergraphSdl, report.contractErrors);
  const baselines = input.baselines.map((baseline) => ({ baseline, schemas: schemasOf(baseline.supergraphSdl, undefined, report.notes, baseline.label) }));
  const owners = [composition.supergraphSdl, ...input.baselines.map((baseline) => baseline.supergraphSdl)].map(ownersOf);

  const changes = new Map<string, ReportedChange>();
  for (const { baseline, schemas } of baselines) {
    for (const [schema, before] of schemas) {
      const after = current.get(schema);
      if (!after) continue;
      for (const change of await diff(before, after)) {
        const key = `${schema}\0${change.type}\0${change.path ?? change.message}`;
        const known = changes.get(key);
        if (known) known.against.push(baseline.label);
        else changes.set(key, { schema, ...classify(change), subgraphs: ownerOf(change.path, owners), against: [baseline.label] });
      }
    }
  }
  report.changes = [...changes.values()];
  acknowledge(report, input.acknowledgements);

  const firstBaseline = baselines[0]?.schemas;
  for (const operation of input.operations) {
    for (const schema of ['api', ...(operation.audience ? [operation.audience] : [])] as SchemaName[]) {
      const target = current.get(schema);
      if (!target) continue;
      const errors = validate(target, operation.document).map((error) => error.message);
      if (!errors.length) continue;
      const before = firstBaseline?.get(schema);
      report.brokenOperations.push({ operation: operation.name, source: operation.source, schema, errors, newlyBroken: before ? validate(before, operation.document).length === 0 : true });
    }
  }

  const unacknowledged = report.changes.filter((change) => change.level === 'breaking' && !change.acknowledged);
  if (unacknowledged.length) report.failures.push(`${unacknowledged.length} breaking change${unacknowledged.length === 1 ? '' : 's'} not acknowledged in gateway/schema-acknowledgements.json`);
  if (report.brokenOperations.length) report.failures.push(`${report.brokenOperations.length} known operation${report.brokenOperations.length === 1 ? '' : 's'} would fail: ${[...new Set(report.brokenOperations.map((broken) => broken.operation))].join(', ')}`);
  if (report.contractErrors.length) report.failures.push('a contract cannot be built');
  if (report.badAcknowledgements.length) report.failures.push('an acknowledgement gives no reason');
  return report;
}

/** The API schema and every contract of a supergraph. Contract errors go to `errors` (current graph) or `notes` (a baseline). */
function schemasOf(supergraphSdl: string, errors?: string[], notes?: string[], label?: string): Map<SchemaName, GraphQLSchema> {
  const schemas = new Map<SchemaName, GraphQLSchema>([['api', apiSchemaOf(supergraphSdl)]]);
  for (const audience of Object.keys(contracts) as Audience[]) {
    try {
      schemas.set(audience, buildContractSchema(supergraphSdl, contracts[audience].tag));
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      if (errors) errors.push(...error.messages.map((message) => `${audience}: ${message}`));
      else notes?.push(`${label} has no usable "${audience}" contract (${error.messages[0]}): its changes are not compared`);
    }
  }
  return schemas;
}

function classify(change: Change): Pick<ReportedChange, 'level' | 'type' | 'path' | 'message'> {
  const level = change.criticality.level === CriticalityLevel.Breaking ? 'breaking' : change.criticality.level === CriticalityLevel.Dangerous ? 'dangerous' : 'safe';
  return { level, type: change.type, path: change.path, message: change.message };
}

function acknowledge(report: SchemaCheckReport, acknowledgements: Acknowledgement[]): void {
  for (const acknowledgement of acknowledgements) {
    const label = `${acknowledgement.schema ?? 'api'}:${acknowledgement.path}${acknowledgement.change ? ` (${acknowledgement.change})` : ''}`;
    if (!acknowledgement.reason?.trim()) {
      report.badAcknowledgements.push(`${label}: "reason" is missing; say why clients can live with this change`);
      continue;
    }
    const matching = report.changes.filter(
      (change) =>
        change.level === 'breaking' &&
        change.path === acknowledgement.path &&
        change.schema === (acknowledgement.schema ?? 'api') &&
        (!acknowledgement.change || acknowledgement.change === change.type),
    );
    for (const change of matching) change.acknowledged = acknowledgement.reason;
    if (!matching.length) report.unusedAcknowledgements.push(`${label}: matches no breaking change (remove it once the change is on main)`);
  }
}

/** Type or field coordinate → subgraph names, from the supergraph's join directives. */
function ownersOf(supergraphSdl: string): Map<string, string[]> {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const owners = new Map<string, string[]>();
  const argument = (node: { arguments?: readonly { name: { value: string }; value: { kind: string } }[] }, name: string) => {
    const value = node.arguments?.find((arg) => arg.name.value === name)?.value as { value?: string } | undefined;
    return value?.value;
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
        if (graph) graphNames.set(value.name.value, argument(graph, 'name') ?? value.name.value);
      }
    }
  }
  const graphsIn = (directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: { kind: string } }[] }[] | undefined, name: string) =>
    (directives ?? []).filter((directive) => directive.name.value === name).map((directive) => graphNames.get(argument(directive, 'graph') ?? '') ?? '').filter(Boolean);
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const typeName = definition.name.value;
    const typeGraphs = graphsIn(definition.directives, 'join__type');
    owners.set(typeName, typeGraphs);
    if ('fields' in definition) {
      for (const field of definition.fields ?? []) {
        const fieldGraphs = graphsIn(field.directives, 'join__field');
        owners.set(`${typeName}.${field.name.value}`, fieldGraphs.length ? fieldGraphs : typeGraphs);
      }
    }
  }
  return owners;
}

function ownerOf(path: string | undefined, owners: Map<string, string[]>[]): string[] {
  if (!path) return [];
  const [type, field] = path.split('.');
  for (const map of owners) {
    const found = (field && map.get(`${type}.${field}`)) || map.get(type!);
    if (found?.length) return [...new Set(found)];
  }
  return [];
}

/** A readable report: composition, each change by level, broken operations, what to do. */
export function formatReport(report: SchemaCheckReport, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  const { composition } = report;
  if (composition.errors.length) {
    lines.push('Composition failed:');
    for (const issue of composition.errors) lines.push(`  ✗ ${formatIssue(issue)}`, `      what to do: ${adviceFor(issue.code)}`);
  } else {
    lines.push(`Composition: ok${composition.hints.length ? ` (${composition.hints.length} hint${composition.hints.length === 1 ? '' : 's'})` : ''}`);
  }
  for (const hint of composition.hints) lines.push(`  hint ${formatIssue(hint)}`);
  for (const error of report.contractErrors) lines.push(`Contract ✗ ${error}`);
  const symbol = { breaking: '✗', dangerous: '!', safe: '✓' } as const;
  for (const schema of [...new Set(report.changes.map((change) => change.schema))]) {
    const of = report.changes.filter((change) => change.schema === schema);
    lines.push(`${schema === 'api' ? 'API schema' : `Contract "${schema}"`}: ${of.length} change${of.length === 1 ? '' : 's'}`);
    const safe = of.filter((item) => item.level === 'safe').length;
    if (safe && !options.verbose) lines.push(`  ✓ ${safe} safe change${safe === 1 ? '' : 's'} (additions, descriptions): --verbose lists them`);
    for (const level of options.verbose ? (['breaking', 'dangerous', 'safe'] as const) : (['breaking', 'dangerous'] as const)) {
      for (const change of of.filter((item) => item.level === level)) {
        const owner = change.subgraphs.length ? ` [${change.subgraphs.join(', ')}]` : '';
        const ack = change.acknowledged ? ` (acknowledged: ${change.acknowledged})` : '';
        lines.push(`  ${symbol[level]} ${level} ${change.path ?? ''}${owner}: ${change.message} — against ${change.against.join(', ')}${ack}`);
      }
    }
  }
  if (!report.changes.length && composition.supergraphSdl) lines.push('No schema changes against the baselines.');
  for (const broken of report.brokenOperations) {
    lines.push(`Operation ✗ ${broken.operation} (${broken.source}) against ${broken.schema === 'api' ? 'the API schema' : `the "${broken.schema}" contract`}${broken.newlyBroken ? ', broken by this change' : ', already invalid'}:`);
    for (const error of broken.errors) lines.push(`    ${error}`);
  }
  for (const bad of report.badAcknowledgements) lines.push(`Acknowledgement ✗ ${bad}`);
  for (const unused of report.unusedAcknowledgements) lines.push(`Acknowledgement (unused) ${unused}`);
  for (const note of report.notes) lines.push(`Note: ${note}`);
  if (report.failures.length) {
    lines.push('', `schema:check FAILED: ${report.failures.join('; ')}.`);
    lines.push('Fix the schema or the operations; a breaking change clients can absorb is acknowledged with a reason in gateway/schema-acknowledgements.json (docs/subgraph-guide.md).');
  } else {
    lines.push('', 'schema:check passed.');
  }
  return lines.join('\n');
}
