import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Indicator } from '@ioc/kit';
import { Incident } from '../entities/incident.entity';
import { ReportPeriod } from '../enums/report-period.enum';

@ObjectType('SocReportCount', { description: 'Alerts counted under one key (a kind, severity, agency id or ATT&CK tactic id).' })
export class SocReportCount {
  @Field(() => String, { description: '"unknown" for alerts without an agency.' })
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('SocDurationStats', { description: 'How long a step took, over the alerts of the period that took it.' })
export class SocDurationStats {
  @Field(() => Int, { description: 'Alerts that took the step.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Median, in minutes; null when none took it.' })
  medianMinutes!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile, in minutes; null when none took it.' })
  p90Minutes!: number | null;
}

@ObjectType('SocAlertFigures', { description: 'Alerts first seen in the period.' })
export class SocAlertFigures {
  @Field(() => Int)
  total!: number;

  @Field(() => [SocReportCount], { description: 'By kind (VULNERABILITY, MALWARE, INTRUSION).' })
  byCategory!: SocReportCount[];

  @Field(() => [SocReportCount])
  bySeverity!: SocReportCount[];

  @Field(() => [SocReportCount], { description: 'By owning agency id, most alerts first.' })
  byAgency!: SocReportCount[];

  @Field(() => [SocReportCount], { description: 'By MITRE ATT&CK tactic id (an alert with several counts under each), most first.' })
  byTactic!: SocReportCount[];

  @Field(() => SocDurationStats, { description: 'First seen → acknowledged.' })
  timeToAcknowledge!: SocDurationStats;

  @Field(() => SocDurationStats, { description: 'First seen → resolved (false positives left out).' })
  timeToResolve!: SocDurationStats;
}

@ObjectType('SocIncidentFigures', { description: 'Incidents detected in the period, with their legal clock and SLA, as they stand now.' })
export class SocIncidentFigures {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  reportedOnTime!: number;

  @Field(() => Int)
  reportedLate!: number;

  @Field(() => Int, { description: 'Not reported and past the 5-day deadline.' })
  overdue!: number;

  @Field(() => Int, { description: 'Not reported, still within the deadline.' })
  due!: number;

  @Field(() => Int)
  containBreached!: number;

  @Field(() => Int)
  resolveBreached!: number;

  @Field(() => [Incident], { description: 'The incidents, earliest detected first (at most 500).' })
  incidents!: Incident[];
}

@ObjectType('SocComplianceFigures', { description: 'Compliance as it stands when the report is made (it has no history to cut by period).' })
export class SocComplianceFigures {
  @Field(() => Int)
  systems!: number;

  @Field(() => Int)
  graded!: number;

  @Field(() => Int)
  pending!: number;

  @Field(() => Int)
  notSubmitted!: number;

  @Field(() => Int)
  inspectedAsRequired!: number;

  @Field(() => Int)
  inspectionsOverdue!: number;

  @Field(() => Int)
  dataCentreSystems!: number;

  @Field(() => Int)
  dataCentreFourLayer!: number;

  @Field(() => [Indicator], { description: 'The SECURITY domain\'s targets with live actuals.' })
  indicators!: Indicator[];
}

@ObjectType('SocReport', { description: 'The SOC\'s report for a period: alerts, response times, incidents and their deadlines, compliance.' })
export class SocReport {
  @Field(() => ReportPeriod)
  period!: ReportPeriod;

  @Field(() => String, { description: 'Start (ISO 8601, Vietnam midnight), inclusive.' })
  from!: string;

  @Field(() => String, { description: 'End (ISO 8601), exclusive.' })
  to!: string;

  @Field(() => String, { description: 'When the report was made (ISO 8601).' })
  generatedAt!: string;

  @Field(() => SocAlertFigures)
  alerts!: SocAlertFigures;

  @Field(() => SocIncidentFigures)
  incidents!: SocIncidentFigures;

  @Field(() => SocComplianceFigures)
  compliance!: SocComplianceFigures;
}
