import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Connection, loadBy, paginate, parseDateRange, Roles, type SubgraphContext, validatePage } from '@ioc/kit';
import { EInvoiceRegistrationsArgs } from '../args/einvoice-registrations.args';
import { EInvoiceRegistration } from '../entities/einvoice-registration.entity';
import { Enterprise } from '../entities/enterprise.entity';
import { checkUnitFilters } from '../validation/unit.validation';
import { EInvoiceRegistrationConnection } from '../types/connections.type';

@Resolver(() => EInvoiceRegistration)
@Authorized(...Roles.dashboard)
export class EInvoiceRegistrationResolver {
  @Query(() => EInvoiceRegistrationConnection, { description: 'Tax codes registered to issue e-invoices.' })
  async einvoiceRegistrations(
    @Args(() => EInvoiceRegistrationsArgs) args: EInvoiceRegistrationsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<EInvoiceRegistration>> {
    validatePage(args);
    const range = parseDateRange(args.registeredFrom, args.registeredTo, { from: 'registeredFrom', to: 'registeredTo' });
    await checkUnitFilters(ctx.db.manager, args);
    const query = ctx.db.getRepository(EInvoiceRegistration).createQueryBuilder('r');
    if (args.taxpayerKind != null) query.andWhere('r.taxpayerKind = :kind', { kind: args.taxpayerKind });
    if (args.districtCode != null) query.andWhere('r.districtCode = :districtCode', { districtCode: args.districtCode });
    if (args.communeCode != null) query.andWhere('r.communeCode = :communeCode', { communeCode: args.communeCode });
    if (range.from) query.andWhere('r.registeredOn >= :from', { from: range.from });
    if (range.to) query.andWhere('r.registeredOn <= :to', { to: range.to });
    query.orderBy('r.registeredOn', 'ASC').addOrderBy('r.taxCode', 'ASC');
    return paginate(query, args);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise, when this subgraph knows it (ICT, platform and OCOP enterprises).' })
  async enterprise(@Root() registration: EInvoiceRegistration, @Ctx() ctx: SubgraphContext): Promise<Enterprise | null> {
    return loadBy(ctx, Enterprise, 'taxCode', registration.taxCode);
  }
}
