import 'reflect-metadata';
import { Directive, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import type { Transaction } from './database';
import type { EventBus, EventPayload } from './event-bus/event-bus';

export enum IndicatorComparator {
  GTE = 'GTE',
  GT = 'GT',
  EQ = 'EQ',
  LTE = 'LTE',
}
registerEnumType(IndicatorComparator, { name: 'IndicatorComparator', description: 'How the actual is compared with the target.' });

export enum IndicatorStatus {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  OFF_TRACK = 'OFF_TRACK',
  NO_DATA = 'NO_DATA',
}
registerEnumType(IndicatorStatus, {
  name: 'IndicatorStatus',
  description: 'ON_TRACK meets the target; AT_RISK is within 10% of it; OFF_TRACK is further; NO_DATA has no actual yet.',
});

/** A 2023 target of the plan with its live actual; every domain computes its own. */
@ObjectType('Indicator', { description: 'Chỉ tiêu: a 2023 target of the plan with its live actual.' })
@Directive('@shareable')
export class Indicator {
  @Field(() => String)
  code!: string;

  @Field(() => String, { description: 'Title in Vietnamese.' })
  titleVi!: string;

  @Field(() => String, { description: 'Title in English.' })
  titleEn!: string;

  @Field(() => String)
  unit!: string;

  @Field(() => Float, { nullable: true, description: 'The 2022 value, where the plan gives one.' })
  baseline!: number | null;

  @Field(() => Float)
  target!: number;

  @Field(() => IndicatorComparator)
  comparator!: IndicatorComparator;

  @Field(() => Float, { nullable: true, description: 'Computed now from the data; null where nothing measures it yet.' })
  actual!: number | null;

  @Field(() => IndicatorStatus)
  status!: IndicatorStatus;
}

export type IndicatorDefinition = Omit<Indicator, 'actual' | 'status'>;

const atRiskMargin = 0.1;

export function indicatorStatus(comparator: IndicatorComparator, target: number, actual: number | null): IndicatorStatus {
  if (actual === null || Number.isNaN(actual)) return IndicatorStatus.NO_DATA;
  const met =
    comparator === IndicatorComparator.GTE ? actual >= target
    : comparator === IndicatorComparator.GT ? actual > target
    : comparator === IndicatorComparator.LTE ? actual <= target
    : actual === target;
  if (met) return IndicatorStatus.ON_TRACK;
  const gap = Math.abs(actual - target) / Math.max(Math.abs(target), Number.EPSILON);
  return gap <= atRiskMargin ? IndicatorStatus.AT_RISK : IndicatorStatus.OFF_TRACK;
}

export function evaluateIndicator(definition: IndicatorDefinition, actual: number | null): Indicator {
  const rounded = actual === null ? null : Math.round(actual * 100) / 100;
  return { ...definition, actual: rounded, status: indicatorStatus(definition.comparator, definition.target, rounded) };
}

/** `indicator.changed` as subgraphs publish it: codes that may have moved, tagged with subgraph and domain. */
export interface IndicatorEvent extends EventPayload {
  subgraph?: string;
  domain?: string;
  code?: string;
  codes?: string[];
}

/** The codes of an event that may be this subgraph's (every subgraph publishes on the same topic). */
export function indicatorCodesOf(event: IndicatorEvent, subgraph: string, domains: readonly string[]): string[] {
  if (event.subgraph !== undefined && event.subgraph !== subgraph) return [];
  if (event.domain !== undefined && !domains.includes(event.domain)) return [];
  if (Array.isArray(event.codes)) return event.codes.filter((code): code is string => typeof code === 'string');
  return typeof event.code === 'string' ? [event.code] : [];
}

/** Announces, in the write's transaction, that `codes` of `domain` may have moved (delivered on commit). */
export async function publishIndicatorChanges(
  bus: EventBus,
  tx: Transaction,
  source: { subgraph: string; domain?: string },
  codes: readonly string[],
): Promise<void> {
  if (codes.length) await bus.publish('indicator.changed', { ...source, codes: [...codes] }, tx);
}
