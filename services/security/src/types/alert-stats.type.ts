import { Field, Int, ObjectType } from 'type-graphql';
import { AlertKind, AlertSeverity, AlertSource, AlertStatus } from '../enums/alert.enum';

@ObjectType('AlertKindCount')
export class AlertKindCount {
  @Field(() => AlertKind)
  kind!: AlertKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('AlertSeverityCount')
export class AlertSeverityCount {
  @Field(() => AlertSeverity)
  severity!: AlertSeverity;

  @Field(() => Int)
  count!: number;
}

@ObjectType('AlertSourceCount')
export class AlertSourceCount {
  @Field(() => AlertSource)
  source!: AlertSource;

  @Field(() => Int)
  count!: number;
}

@ObjectType('AlertStatusCount')
export class AlertStatusCount {
  @Field(() => AlertStatus)
  status!: AlertStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('AlertStats', { description: 'Alerts first seen in a calendar year (Vietnam time), counted from the alert rows.' })
export class AlertStats {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'Vulnerability alerts (cảnh báo lỗ hổng).' })
  vulnerability!: number;

  @Field(() => Int, { description: 'Malware alerts (cảnh báo mã độc).' })
  malware!: number;

  @Field(() => Int, { description: 'Alerts of the year still open (NEW, ACKNOWLEDGED, INVESTIGATING).' })
  open!: number;

  @Field(() => [AlertKindCount], { description: 'Every kind, zero counts included.' })
  byKind!: AlertKindCount[];

  @Field(() => [AlertSeverityCount])
  bySeverity!: AlertSeverityCount[];

  @Field(() => [AlertSourceCount])
  bySource!: AlertSourceCount[];

  @Field(() => [AlertStatusCount])
  byStatus!: AlertStatusCount[];
}
