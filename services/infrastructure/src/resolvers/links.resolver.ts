import { Roles } from '@ioc/kit';
import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { Certificate } from '../entities/certificate.entity';
import { NetworkConnection } from '../entities/network-connection.entity';
import { PostalPoint } from '../entities/postal-point.entity';
import { SecuredLan } from '../entities/secured-lan.entity';
import { Agency } from '../stubs/agency.stub';
import { AdministrativeUnit } from '../stubs/administrative-unit.stub';

/** Links from this service's rows to egov's entities (resolved by the gateway). */
@Resolver(() => NetworkConnection)
@Authorized(...Roles.dashboard)
export class NetworkConnectionLinks {
  @FieldResolver(() => Agency)
  agency(@Root() row: NetworkConnection): Agency {
    return { id: row.agencyId };
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The agency\'s unit (the province for provincial agencies).' })
  unit(@Root() row: NetworkConnection): AdministrativeUnit {
    return { code: row.unitCode };
  }
}

@Resolver(() => SecuredLan)
@Authorized(...Roles.dashboard)
export class SecuredLanLinks {
  @FieldResolver(() => Agency)
  agency(@Root() row: SecuredLan): Agency {
    return { id: row.agencyId };
  }
}

@Resolver(() => Certificate)
@Authorized(...Roles.dashboard)
export class CertificateLinks {
  @FieldResolver(() => Agency)
  agency(@Root() row: Certificate): Agency {
    return { id: row.agencyId };
  }
}

@Resolver(() => PostalPoint)
@Authorized(...Roles.dashboard)
export class PostalPointLinks {
  @FieldResolver(() => AdministrativeUnit)
  commune(@Root() row: PostalPoint): AdministrativeUnit {
    return { code: row.communeCode };
  }
}
