import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { ProductCategory } from '../enums/ecommerce-product.enum';

/** A product listed by an enterprise on the provincial e-commerce platform travinhtrade.vn. */
@Entity({ name: 'ecommerce_product' })
@ObjectType('EcommerceProduct', { description: 'Sản phẩm trên sàn travinhtrade.vn: a product listed on the provincial e-commerce platform.' })
@Directive('@key(fields: "id")')
export class EcommerceProduct {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Column({ type: 'text', name: 'enterprise_tax_code' })
  @Field(() => String)
  enterpriseTaxCode!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'text' })
  @Field(() => ProductCategory)
  category!: ProductCategory;

  @Column({ type: 'text', name: 'ocop_product_id', nullable: true })
  @Field(() => String, { nullable: true })
  ocopProductId!: string | null;

  @Column({ type: 'integer', name: 'price_vnd', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Indicative price in VND; many listings only invite contact.' })
  priceVnd!: number | null;

  @Column({ type: 'text', name: 'sale_unit', nullable: true })
  @Field(() => String, { nullable: true, description: 'Unit of sale, e.g. "hộp 500 g".' })
  saleUnit!: string | null;

  @Column({ type: 'date', name: 'listed_on' })
  @Field(() => String, { description: 'ISO date the listing was published.' })
  listedOn!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
