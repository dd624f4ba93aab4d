import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  badInput,
  IndicatorDefinitionRow,
  periodEnd,
  publishIndicatorChanges,
  recordAudit,
  ReportedMeasurement,
  Roles,
  type SubgraphContext,
  withTransaction,
} from '@ioc/kit';
import { MeasurementsArgs } from '../args/measurements.args';
import { RecordMeasurementInput } from '../inputs/record-measurement.input';
import { rowBackedMeasurements } from '../domain/row-backed';
import { economyDomains, trackIndicatorChanges, type EconomyDomain } from '../indicators/indicators';
import { announceEconomyWrite } from '../loaders/read-cache.loader';

const codePattern = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;
const qualifiers = ['GT', 'APPROX'];

function checkPeriod(period: string, argument: string): string {
  const end = periodEnd(period);
  if (!end) throw badInput(argument, `"${period}" is not a period: use "2023", "2023-Q1" or "2023-05"`);
  return end;
}

function checkDomain(domain: string, argument: string): EconomyDomain {
  if (!economyDomains.includes(domain as EconomyDomain)) throw badInput(argument, `"${domain}" is not one of ${economyDomains.join(', ')}`);
  return domain as EconomyDomain;
}

@Resolver(() => ReportedMeasurement)
@Authorized(...Roles.dashboard)
export class MeasurementResolver {
  @Query(() => [ReportedMeasurement], {
    description:
      'Digital economy and society totals that the plan reports only as aggregates (payment accounts, farm households online, electricity paid cashless, ...). Other domains expose theirs on their Province summary.',
  })
  async measurements(@Args(() => MeasurementsArgs) args: MeasurementsArgs, @Ctx() ctx: SubgraphContext): Promise<ReportedMeasurement[]> {
    if (args.period != null) checkPeriod(args.period, 'period');
    if (args.domain != null) checkDomain(args.domain, 'domain');
    const query = ctx.db.getRepository(ReportedMeasurement).createQueryBuilder('m');
    if (args.indicator != null) {
      if (args.indicator.endsWith('.')) query.andWhere('starts_with(m.indicator, :prefix)', { prefix: args.indicator });
      else query.andWhere('m.indicator = :indicator', { indicator: args.indicator });
    }
    if (args.period != null) query.andWhere('m.period = :period', { period: args.period });
    if (args.domain != null) query.andWhere('m.domain = :domain', { domain: args.domain });
    return query.orderBy('m.domain', 'ASC').addOrderBy('m.indicator', 'ASC').addOrderBy('m.periodEnd', 'DESC').getMany();
  }

  @Query(() => ReportedMeasurement, { nullable: true, description: 'One digital economy or society series in one period; the latest period when `period` is omitted.' })
  async measurement(
    @Arg('indicator', () => String) indicator: string,
    @Arg('period', () => String, { nullable: true }) period: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportedMeasurement | null> {
    if (period != null) checkPeriod(period, 'period');
    const query = ctx.db.getRepository(ReportedMeasurement).createQueryBuilder('m').where('m.indicator = :indicator', { indicator });
    if (period != null) query.andWhere('m.period = :period', { period });
    return query.orderBy('m.periodEnd', 'DESC').limit(1).getOne();
  }

  @Authorized('admin', 'ingest')
  @Mutation(() => ReportedMeasurement, {
    description: 'Records (or corrects) a reported figure for a period; publishes indicator.changed for every indicator it moves.',
  })
  async recordMeasurement(@Arg('input', () => RecordMeasurementInput) input: RecordMeasurementInput, @Ctx() ctx: SubgraphContext): Promise<ReportedMeasurement> {
    const indicator = input.indicator.trim();
    if (!codePattern.test(indicator)) throw badInput('input.indicator', `"${input.indicator}" is not a measurement code (letters, digits, ".", "_", "-")`);
    if (rowBackedMeasurements[indicator]) {
      throw badInput('input.indicator', `${indicator} is counted from rows (${rowBackedMeasurements[indicator]}), not recorded`);
    }
    const end = checkPeriod(input.period, 'input.period');
    if (!Number.isFinite(input.value)) throw badInput('input.value', 'must be a finite number');
    const source = input.source.trim();
    if (!source) throw badInput('input.source', 'must name the report the figure comes from');
    if (input.qualifier != null && !qualifiers.includes(input.qualifier)) throw badInput('input.qualifier', `must be one of ${qualifiers.join(', ')}`);
    if (input.domain != null) checkDomain(input.domain, 'input.domain');

    return withTransaction(ctx.db, async (tx) => {
      const repo = tx.manager.getRepository(ReportedMeasurement);
      const before = await repo.findOneBy({ indicator, period: input.period });
      const series = await repo.findOne({ where: { indicator }, order: { periodEnd: 'DESC' } });
      const definition = series ? null : await tx.manager.getRepository(IndicatorDefinitionRow).findOneBy({ code: indicator });
      const known = series ?? definition;
      let meta: { domain: string; unit: string; titleVi: string; titleEn: string };
      if (known) {
        if (input.unit != null && input.unit !== known.unit) throw badInput('input.unit', `${indicator} is measured in "${known.unit}", not "${input.unit}"`);
        if (input.domain != null && input.domain !== known.domain) throw badInput('input.domain', `${indicator} belongs to ${known.domain}`);
        meta = { domain: known.domain, unit: known.unit, titleVi: known.titleVi, titleEn: known.titleEn };
      } else {
        for (const field of ['domain', 'unit', 'titleVi', 'titleEn'] as const) {
          if (!input[field]?.trim()) throw badInput(`input.${field}`, `required: ${indicator} is a new series`);
        }
        meta = { domain: input.domain!, unit: input.unit!.trim(), titleVi: input.titleVi!.trim(), titleEn: input.titleEn!.trim() };
      }
      const { changed } = await trackIndicatorChanges(tx.manager, () =>
        tx.query(
          `INSERT INTO reported_measurement (indicator, period, period_end, domain, title_vi, title_en, unit, value, qualifier, source, synthetic, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, now())
           ON CONFLICT (indicator, period) DO UPDATE SET value = EXCLUDED.value, qualifier = EXCLUDED.qualifier, source = EXCLUDED.source,
             synthetic = false, recorded_at = now()`,
          [indicator, input.period, end, meta.domain, meta.titleVi, meta.titleEn, meta.unit, input.value, input.qualifier ?? null, source],
        ),
      );
      await publishIndicatorChanges(ctx.bus, tx, { subgraph: 'economy' }, changed);
      await announceEconomyWrite(ctx, tx, { type: 'ReportedMeasurement', id: `${indicator}@${input.period}` });
      const after = await repo.findOneByOrFail({ indicator, period: input.period });
      await recordAudit(tx, ctx, {
        operation: 'recordMeasurement',
        targetType: 'ReportedMeasurement',
        targetIds: [`${indicator}@${input.period}`],
        before,
        after,
        fields: ['domain', 'unit', 'value', 'qualifier', 'source', 'titleVi', 'titleEn'],
        detail: { indicatorsChanged: changed.length },
      });
      return after;
    });
  }
}
