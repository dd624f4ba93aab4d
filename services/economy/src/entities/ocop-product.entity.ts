import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { OcopCategory, NationalPlatform } from '../enums/ocop-product.enum';

/** A product certified under the One Commune One Product programme. */
@Entity({ name: 'ocop_product' })
@ObjectType('OcopProduct', { description: 'Sản phẩm OCOP: a One Commune One Product certified product (3 to 5 stars).' })
@Directive('@key(fields: "id")')
export class OcopProduct {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'smallint' })
  @Field(() => Int)
  stars!: number;

  @Column({ type: 'text' })
  @Field(() => OcopCategory)
  category!: OcopCategory;

  @Column({ type: 'text', name: 'producer_name' })
  @Field(() => String, { description: 'Enterprise, co-operative or household producing it.' })
  producerName!: string;

  @Column({ type: 'text', name: 'producer_tax_code', nullable: true })
  @Field(() => String, { nullable: true, description: 'Tax code when the producer is a registered enterprise.' })
  producerTaxCode!: string | null;

  @Column({ type: 'text', name: 'commune_code' })
  @Field(() => String)
  communeCode!: string;

  @Column({ type: 'text', name: 'district_code' })
  @Field(() => String)
  districtCode!: string;

  @Column({ type: 'integer', name: 'certified_year' })
  @Field(() => Int)
  certifiedYear!: number;

  @Column({ type: 'text', name: 'national_platforms', array: true })
  @Field(() => [NationalPlatform], { description: 'National e-commerce platforms listing it (Postmart.vn, Voso.vn).' })
  nationalPlatforms!: NationalPlatform[];

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
