import { FieldResolver, Resolver, Root } from 'type-graphql';
import { DigitalEconomySummary } from '../types/digital-economy-summary.type';
import { Province } from '../types/province.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @FieldResolver(() => DigitalEconomySummary, { nullable: true })
  digitalEconomy(@Root() province: Province): DigitalEconomySummary {
    return { provinceCode: province.code };
  }
}
