import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { type Connection, loadOne, Roles, type SubgraphContext } from '@ioc/kit';
import { NetworkConnection } from '../entities/network-connection.entity';
import { SecuredLan } from '../entities/secured-lan.entity';
import type { Certificate } from '../entities/certificate.entity';
import { AgencyCertificatesArgs } from '../args/certificates.args';
import { Agency } from '../stubs/agency.stub';
import { CertificateConnection, queryCertificates } from './certificate.resolver';

@Resolver(() => Agency)
@Authorized(...Roles.dashboard)
export class AgencyResolver {
  @FieldResolver(() => NetworkConnection, { nullable: true, description: 'Link to the specialised data network; null when not connected.' })
  networkConnection(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<NetworkConnection | null> {
    return loadOne(
      ctx,
      'agency:network',
      agency.id,
      (ids) => ctx.db.getRepository(NetworkConnection).findBy({ agencyId: In([...ids]) }),
      (row) => row.agencyId,
    );
  }

  @FieldResolver(() => Boolean, { description: 'The agency\'s LAN has a security appliance.' })
  async lanSecured(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return (await this.securedLan(agency, ctx)) !== null;
  }

  @FieldResolver(() => SecuredLan, { nullable: true })
  securedLan(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<SecuredLan | null> {
    return loadOne(
      ctx,
      'agency:lan',
      agency.id,
      (ids) => ctx.db.getRepository(SecuredLan).findBy({ agencyId: In([...ids]) }),
      (row) => row.agencyId,
    );
  }

  @FieldResolver(() => CertificateConnection, { description: 'Dedicated digital certificates of the agency and its staff.' })
  certificates(
    @Root() agency: Agency,
    @Args(() => AgencyCertificatesArgs) args: AgencyCertificatesArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<Certificate>> {
    return queryCertificates(ctx, { ...args, agencyId: agency.id });
  }
}
