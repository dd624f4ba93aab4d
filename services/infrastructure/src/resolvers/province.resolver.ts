import { FieldResolver, Resolver, Root } from 'type-graphql';
import { InfrastructureSummary } from '../types/infrastructure-summary.type';
import { Province } from '../types/province.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @FieldResolver(() => InfrastructureSummary, { nullable: true })
  infrastructure(@Root() province: Province): InfrastructureSummary {
    return { provinceCode: province.code };
  }
}
