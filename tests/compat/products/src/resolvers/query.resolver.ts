import { Arg, ID, Query, Resolver } from 'type-graphql';
import type { DeprecatedProductRecord, ProductRecord } from '../data';
import { findDeprecatedProducts } from '../references/deprecated-product.reference';
import { findProducts } from '../references/product.reference';
import { DeprecatedProduct } from '../types/deprecated-product.type';
import { Product } from '../types/product.type';

@Resolver()
export class QueryResolver {
  @Query(() => Product, { nullable: true })
  product(@Arg('id', () => ID) id: string): ProductRecord | null {
    return findProducts([{ id }])[0] ?? null;
  }

  @Query(() => DeprecatedProduct, { nullable: true, deprecationReason: 'Use product query instead' })
  deprecatedProduct(@Arg('sku', () => String) sku: string, @Arg('package', () => String) pkg: string): DeprecatedProductRecord | null {
    return findDeprecatedProducts([{ sku, package: pkg }])[0] ?? null;
  }
}
