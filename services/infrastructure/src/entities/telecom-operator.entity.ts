import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ObjectType } from 'type-graphql';
import { OperatorKind, OperatorService } from '../enums/telecom-operator.enum';

@Entity({ name: 'telecom_operator' })
@ObjectType('TelecomOperator', { description: 'Doanh nghiệp viễn thông: a telecom or cable-TV operator in the province.' })
@Directive('@key(fields: "id")')
export class TelecomOperator {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'Short code, e.g. "viettel".' })
  id!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Name as the plan gives it, e.g. "Viettel Trà Vinh".' })
  name!: string;

  @Column({ type: 'text', name: 'short_name' })
  @Field(() => String)
  shortName!: string;

  @Column({ type: 'text' })
  @Field(() => OperatorKind)
  kind!: OperatorKind;

  @Column({ type: 'text', array: true })
  @Field(() => [OperatorService])
  services!: OperatorService[];

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'True where the plan does not name it (the cable-TV operator).' })
  synthetic!: boolean;
}
