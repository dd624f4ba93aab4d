import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { SuppressionTarget } from '../enums/suppression.enum';

@ArgsType()
export class SuppressionRulesArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: rules muting now; false: expired or lifted ones.' })
  active?: boolean | null;

  @Field(() => SuppressionTarget, { nullable: true })
  target?: SuppressionTarget | null;

  @Field(() => String, { nullable: true, description: 'Rules for this server (not the ones for everywhere).' })
  serverId?: string | null;
}
