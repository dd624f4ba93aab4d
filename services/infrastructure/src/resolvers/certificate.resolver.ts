import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { badInput, type Connection, connectionType, paginate, parseDateRange, Roles, type SubgraphContext } from '@ioc/kit';
import { Certificate } from '../entities/certificate.entity';
import { NetworkConnection } from '../entities/network-connection.entity';
import { CertificatesArgs, type AgencyCertificatesArgs } from '../args/certificates.args';
import type { UnitLevel } from '../enums/administrative-unit.enum';

export const CertificateConnection = connectionType(Certificate, 'DigitalCertificate');

export async function queryCertificates(
  ctx: SubgraphContext,
  args: AgencyCertificatesArgs & { agencyId?: string | null; level?: UnitLevel | null },
): Promise<Connection<Certificate>> {
  const issued = parseDateRange(args.issuedFrom, args.issuedTo, { from: 'issuedFrom', to: 'issuedTo' });
  const query = ctx.db.getRepository(Certificate).createQueryBuilder('c');
  if (typeof args.agencyId === 'string') query.andWhere('c.agencyId = :agencyId', { agencyId: args.agencyId });
  if (args.level) query.andWhere('c.agencyLevel = :level', { level: args.level });
  if (args.status) query.andWhere('c.status = :status', { status: args.status });
  if (args.kind) query.andWhere('c.kind = :kind', { kind: args.kind });
  if (args.medium) query.andWhere('c.medium = :medium', { medium: args.medium });
  if (issued.from) query.andWhere('c.issuedOn >= :issuedFrom', { issuedFrom: issued.from });
  if (issued.to) query.andWhere('c.issuedOn <= :issuedTo', { issuedTo: issued.to });
  query.orderBy('c.id', 'ASC');
  return paginate(query, args);
}

@Resolver()
@Authorized(...Roles.dashboard)
export class CertificateResolver {
  @Query(() => CertificateConnection, {
    description: 'Chứng thư số chuyên dùng: dedicated digital certificates of agencies and their staff.',
  })
  async certificates(@Args(() => CertificatesArgs) args: CertificatesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Certificate>> {
    if (typeof args.agencyId === 'string') {
      // Every agency of the province is on the specialised network: that table lists them all.
      const agency = await ctx.db.getRepository(NetworkConnection).findOneBy({ agencyId: args.agencyId });
      if (!agency) throw badInput('agencyId', `no agency with id "${args.agencyId}"`);
    }
    return queryCertificates(ctx, args);
  }
}
