import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { OperatorKind, OperatorService } from '../enums/telecom-operator.enum';

@ArgsType()
export class TelecomOperatorsArgs extends PageArgs {
  @Field(() => OperatorKind, { nullable: true })
  kind?: OperatorKind | null;

  @Field(() => OperatorService, { nullable: true })
  service?: OperatorService | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive name search.' })
  search?: string | null;
}
