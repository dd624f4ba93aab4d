import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { applyOrdering, badInput, type Connection, containsPattern, loadBy, type Ordering, paginate, parsePastDate, publishIndicatorChanges, recordAudit, Roles, type SubgraphContext, validatePage, vietnamToday, withTransaction } from '@ioc/kit';
import { foldVietnamese } from '@ioc/kit';
import { EnterpriseFilterArgs, EnterprisesArgs } from '../args/enterprises.args';
import { EnterpriseOrder } from '../enums/enterprise.enum';
import { EcommerceProduct } from '../entities/ecommerce-product.entity';
import { Enterprise } from '../entities/enterprise.entity';
import { EnterpriseSector } from '../enums/enterprise.enum';
import { RegisterEnterpriseOnPlatformInput } from '../inputs/register-enterprise.input';
import { isTaxCode, normaliseTaxCode } from '../domain/tax-code';
import { checkUnitFilters, requireUnit } from '../validation/unit.validation';
import { trackIndicatorChanges } from '../indicators/indicators';
import { EInvoiceRegistration } from '../entities/einvoice-registration.entity';
import { productsOfEnterprise } from '../loaders/enterprise.loader';
import { announceEconomyWrite } from '../loaders/read-cache.loader';
import { AdministrativeUnit, unitStub } from '../stubs/administrative-unit.stub';
import { EnterpriseConnection } from '../types/connections.type';
import { provinceCode } from '../domain/province';

const enterpriseOrderings: Record<EnterpriseOrder, Ordering> = {
  [EnterpriseOrder.NAME]: [['e.searchName', 'ASC'], ['e.taxCode', 'ASC']],
  [EnterpriseOrder.TAX_CODE]: [['e.taxCode', 'ASC']],
  [EnterpriseOrder.EMPLOYEES_DESC]: [['e.employees', 'DESC', 'NULLS LAST'], ['e.taxCode', 'ASC']],
  [EnterpriseOrder.PLATFORM_JOINED_DESC]: [['e.platformJoinedOn', 'DESC', 'NULLS LAST'], ['e.taxCode', 'ASC']],
};
/** Enterprises matching the filters, ordered; `unitCode` limits them to a province, district or commune. */
export function enterpriseQuery(
  manager: EntityManager,
  args: EnterpriseFilterArgs & { communeCode?: string | null; districtCode?: string | null },
  unitCode?: string,
): SelectQueryBuilder<Enterprise> {
  const query = manager.getRepository(Enterprise).createQueryBuilder('e');
  if (args.sector != null) query.andWhere('e.sector = :sector', { sector: args.sector });
  if (args.ictActivity != null) query.andWhere('e.ictActivity = :ictActivity', { ictActivity: args.ictActivity });
  if (args.onProvincialPlatform != null) query.andWhere(`e.platformJoinedOn IS ${args.onProvincialPlatform ? 'NOT ' : ''}NULL`);
  if (args.communeCode != null) query.andWhere('e.communeCode = :communeCode', { communeCode: args.communeCode });
  if (args.districtCode != null) query.andWhere('e.districtCode = :districtCode', { districtCode: args.districtCode });
  if (unitCode !== undefined && unitCode !== provinceCode) query.andWhere('(e.districtCode = :unitCode OR e.communeCode = :unitCode)', { unitCode });
  if (args.search != null) {
    const pattern = containsPattern(args.search);
    const digits = normaliseTaxCode(args.search);
    if (/^\d{2,10}$/.test(digits)) query.andWhere('(e.searchName LIKE :pattern OR e.taxCode LIKE :prefix)', { pattern, prefix: `${digits}%` });
    else if (pattern) query.andWhere('e.searchName LIKE :pattern', { pattern });
  }
  return applyOrdering(query, enterpriseOrderings[args.orderBy ?? EnterpriseOrder.NAME]);
}

@Resolver(() => Enterprise)
@Authorized(...Roles.dashboard)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: 'An enterprise by tax code; null when unknown.' })
  async enterprise(@Arg('taxCode', () => String) taxCode: string, @Ctx() ctx: SubgraphContext): Promise<Enterprise | null> {
    return loadBy(ctx, Enterprise, 'taxCode', normaliseTaxCode(taxCode));
  }

  @Query(() => EnterpriseConnection, { description: 'Enterprises of the province: ICT enterprises, those on travinhtrade.vn, OCOP producers.' })
  async enterprises(@Args(() => EnterprisesArgs) args: EnterprisesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Enterprise>> {
    validatePage(args);
    await checkUnitFilters(ctx.db.manager, args);
    return paginate(enterpriseQuery(ctx.db.manager, args), args);
  }

  @FieldResolver(() => Boolean, { description: 'Listed as a seller on travinhtrade.vn.' })
  onProvincialPlatform(@Root() enterprise: Enterprise): boolean {
    return enterprise.platformJoinedOn !== null;
  }

  @FieldResolver(() => AdministrativeUnit)
  commune(@Root() enterprise: Enterprise): AdministrativeUnit {
    return unitStub(enterprise.communeCode);
  }

  @FieldResolver(() => AdministrativeUnit)
  district(@Root() enterprise: Enterprise): AdministrativeUnit {
    return unitStub(enterprise.districtCode);
  }

  @FieldResolver(() => [EcommerceProduct], { description: 'Its listings on travinhtrade.vn (batched across enterprises).' })
  async products(@Root() enterprise: Enterprise, @Ctx() ctx: SubgraphContext): Promise<EcommerceProduct[]> {
    return productsOfEnterprise(ctx, enterprise.taxCode);
  }

  @FieldResolver(() => Int)
  async productCount(@Root() enterprise: Enterprise, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await productsOfEnterprise(ctx, enterprise.taxCode)).length;
  }

  @FieldResolver(() => String, { nullable: true, description: 'When its tax code was registered for e-invoices; null if not registered.' })
  async eInvoiceRegisteredOn(@Root() enterprise: Enterprise, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return (await loadBy(ctx, EInvoiceRegistration, 'taxCode', enterprise.taxCode))?.registeredOn ?? null;
  }

  @Authorized('admin')
  @Mutation(() => Enterprise, { description: 'Records that an enterprise joined travinhtrade.vn (creating it when its tax code is new).' })
  async registerEnterpriseOnPlatform(
    @Arg('input', () => RegisterEnterpriseOnPlatformInput) input: RegisterEnterpriseOnPlatformInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Enterprise> {
    const taxCode = normaliseTaxCode(input.taxCode);
    if (!isTaxCode(taxCode)) throw badInput('input.taxCode', `"${input.taxCode}" is not a tax code (10 digits, or 10 digits "-" 3 digits)`);
    const joinedOn = input.joinedOn != null ? parsePastDate(input.joinedOn, 'input.joinedOn') : vietnamToday();
    if (input.employees != null && (!Number.isInteger(input.employees) || input.employees < 0)) throw badInput('input.employees', 'must be 0 or more');

    return withTransaction(ctx.db, async (tx) => {
      const repo = tx.manager.getRepository(Enterprise);
      const existing = await repo.findOneBy({ taxCode });
      const details = ['name', 'legalForm', 'sector', 'ictActivity', 'communeCode', 'employees'] as const;
      let write: () => Promise<unknown>;
      if (existing) {
        if (existing.platformJoinedOn) throw badInput('input.taxCode', `${taxCode} (${existing.name}) has been on travinhtrade.vn since ${existing.platformJoinedOn}`);
        const given = details.find((field) => input[field] != null);
        if (given) throw badInput(`input.${given}`, `${taxCode} is already registered as "${existing.name}"; omit ${given}`);
        write = () => repo.update({ taxCode }, { platformJoinedOn: joinedOn });
      } else {
        const name = input.name?.trim().replace(/\s+/g, ' ');
        if (!name) throw badInput('input.name', `required: ${taxCode} is not a known enterprise`);
        if (name.length > 200) throw badInput('input.name', 'at most 200 characters');
        if (!input.legalForm) throw badInput('input.legalForm', `required: ${taxCode} is not a known enterprise`);
        if (!input.sector) throw badInput('input.sector', `required: ${taxCode} is not a known enterprise`);
        if ((input.sector === EnterpriseSector.ICT) !== (input.ictActivity != null)) {
          throw badInput('input.ictActivity', input.sector === EnterpriseSector.ICT ? 'required for an ICT enterprise' : 'only for sector ICT');
        }
        if (!input.communeCode) throw badInput('input.communeCode', `required: ${taxCode} is not a known enterprise`);
        const commune = await requireUnit(tx.manager, input.communeCode, 'COMMUNE', 'input.communeCode');
        write = () =>
          repo.insert({
            taxCode,
            name,
            searchName: foldVietnamese(name),
            legalForm: input.legalForm!,
            sector: input.sector!,
            ictActivity: input.ictActivity ?? null,
            communeCode: commune.code,
            districtCode: commune.districtCode!,
            foundedOn: null,
            employees: input.employees ?? null,
            platformJoinedOn: joinedOn,
            synthetic: false,
          });
      }
      const { changed } = await trackIndicatorChanges(tx.manager, write);
      await publishIndicatorChanges(ctx.bus, tx, { subgraph: 'economy' }, changed);
      await announceEconomyWrite(ctx, tx, { type: 'Enterprise', id: taxCode });
      const after = await repo.findOneByOrFail({ taxCode });
      await recordAudit(tx, ctx, {
        operation: 'registerEnterpriseOnPlatform',
        targetType: 'Enterprise',
        targetIds: [taxCode],
        before: existing,
        after,
        fields: ['name', 'legalForm', 'sector', 'ictActivity', 'communeCode', 'districtCode', 'employees', 'platformJoinedOn'],
      });
      return after;
    });
  }
}
