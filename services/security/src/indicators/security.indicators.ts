import { evaluateIndicator, type Indicator, IndicatorDefinitionRow, indicatorDefinitionOf, ReportedMeasurement, type SubgraphContext } from '@ioc/kit';
import { In } from 'typeorm';
import { allProfiles } from '../loaders/profile.loader';
import { complianceCounts, share, type ComplianceCounts } from '../domain/compliance';

/** Actuals the security rows can measure, per indicator code (seeds/data/indicators.json, domain SECURITY). */
export const securityActuals: Record<string, (counts: ComplianceCounts) => number | null> = {
  /** > 80% of state information systems with an approved level. */
  systemsGradedShare: (c) => share(c.graded, c.systems),
  /** 100% of graded systems inspected and assessed as required (inspected since approval, none overdue). */
  gradedSystemsInspectedShare: (c) => share(c.inspectedAsRequired, c.graded),
  /** 100% of data-centre systems protected by the four-layer model. */
  dataCentreSystemsFourLayerShare: (c) => share(c.dataCentreFourLayer, c.dataCentreSystems),
  // computersAntiMalwareNcscShare: no rows here count computers; falls back to a reported measurement of that code, else null.
};

/** The SECURITY domain's scorecard: definitions from the table, actuals from the profiles. */
export async function securityIndicators(ctx: SubgraphContext): Promise<Indicator[]> {
  const [definitions, profiles] = await Promise.all([
    ctx.db.getRepository(IndicatorDefinitionRow).find({ where: { domain: 'SECURITY' }, order: { code: 'ASC' } }),
    allProfiles(ctx),
  ]);
  const counts = complianceCounts(profiles);
  const unmeasured = definitions.filter((definition) => !securityActuals[definition.code]).map((definition) => definition.code);
  const reported = unmeasured.length
    ? await ctx.db.getRepository(ReportedMeasurement).find({ where: { indicator: In(unmeasured) }, order: { period: 'DESC' } })
    : [];
  return definitions.map((definition) => {
    const compute = securityActuals[definition.code];
    const actual = compute ? compute(counts) : (reported.find((row) => row.indicator === definition.code)?.value ?? null);
    return evaluateIndicator(indicatorDefinitionOf(definition), actual);
  });
}
