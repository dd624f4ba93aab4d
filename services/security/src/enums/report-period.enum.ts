import { registerEnumType } from 'type-graphql';
import { ReportPeriod } from '../domain/report-period';

export { ReportPeriod };

registerEnumType(ReportPeriod, {
  name: 'ReportPeriod',
  description: 'A SOC report\'s period, in Vietnam time: WEEK from a Monday; QUARTER, HALF_YEAR, YEAR from the first day of their first month.',
});
