import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo, connectionType } from '@ioc/kit';
import { CommunityTeam } from '../entities/community-team.entity';
import { EcommerceProduct } from '../entities/ecommerce-product.entity';
import { EInvoiceRegistration } from '../entities/einvoice-registration.entity';
import { Enterprise } from '../entities/enterprise.entity';
import { OcopProduct } from '../entities/ocop-product.entity';

export const EnterpriseConnection = connectionType(Enterprise, 'Enterprise');
export const EcommerceProductConnection = connectionType(EcommerceProduct, 'EcommerceProduct');
export const OcopProductConnection = connectionType(OcopProduct, 'OcopProduct');
export const EInvoiceRegistrationConnection = connectionType(EInvoiceRegistration, 'EInvoiceRegistration');

@ObjectType('CommunityTeamConnection', { description: 'A page of community teams with the total count and total members of all matches.' })
export class CommunityTeamConnection {
  @Field(() => [CommunityTeam])
  nodes!: CommunityTeam[];

  @Field(() => Int, { description: 'All teams matching the filters, across pages.' })
  totalCount!: number;

  @Field(() => Int, { description: 'Members of all teams matching the filters, across pages.' })
  totalMembers!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
