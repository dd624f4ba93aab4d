import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { Roles } from '@ioc/kit';
import { SecuritySummary } from '../types/security-summary.type';
import { Province } from '../stubs/province.stub';

@Resolver(() => Province)
@Authorized(...Roles.dashboard)
export class ProvinceResolver {
  @FieldResolver(() => SecuritySummary, { nullable: true, description: 'Information security: grading, alerts, incidents and the SECURITY indicators.' })
  security(@Root() province: Province): SecuritySummary {
    return { provinceCode: province.code };
  }
}
