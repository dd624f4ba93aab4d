import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { PostalPointKind } from '../enums/postal-point.enum';

@Entity({ name: 'postal_point' })
@ObjectType('PostalPoint', { description: 'Điểm phục vụ bưu chính: a post office or other postal service point.' })
export class PostalPoint {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Column({ type: 'text' })
  @Field(() => PostalPointKind)
  kind!: PostalPointKind;

  @Column({ type: 'text' })
  @Field(() => String)
  enterprise!: string;

  @Column({ type: 'text', name: 'commune_code' })
  @Field(() => String)
  communeCode!: string;

  @Column({ type: 'text', name: 'district_code' })
  @Field(() => String)
  districtCode!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
