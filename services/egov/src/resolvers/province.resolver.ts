import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@ioc/kit';
import { AdministrativeUnit, UnitLevel } from '../entities/administrative-unit.entity';
import { DigitalGovernmentSummary } from '../types/digital-government-summary.type';
import { Province } from '../types/province.type';
import { findProvinces } from '../references/province.reference';

@Resolver(() => Province)
export class ProvinceResolver {
  @Query(() => Province, { nullable: true, description: 'A province by GSO code; null when unknown.' })
  async province(@Arg('code', () => String) code: string, @Ctx() ctx: SubgraphContext): Promise<Province | null> {
    const [province] = await findProvinces([code], ctx);
    return province ?? null;
  }

  @FieldResolver(() => DigitalGovernmentSummary, { nullable: true })
  async digitalGovernment(@Root() province: Province, @Ctx() ctx: SubgraphContext): Promise<DigitalGovernmentSummary> {
    const units = ctx.db.getRepository(AdministrativeUnit);
    const districts = await units.countBy({ level: UnitLevel.DISTRICT });
    const communes = await units.countBy({ level: UnitLevel.COMMUNE });
    return { provinceCode: province.code, districts, communes };
  }
}
