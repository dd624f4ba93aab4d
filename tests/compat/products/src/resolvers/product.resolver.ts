import { FieldResolver, Resolver, Root } from 'type-graphql';
import { dimensions, research, user, type ProductRecord, type ProductResearchRecord, type UserRecord } from '../data';
import { Product } from '../types/product.type';

@Resolver(() => Product)
export class ProductResolver {
  @FieldResolver()
  dimensions(): typeof dimensions {
    return dimensions;
  }

  /** Includes `totalProductsCreated`, which the field `@provides`. */
  @FieldResolver()
  createdBy(): UserRecord {
    return user;
  }

  @FieldResolver()
  research(@Root() product: ProductRecord): readonly ProductResearchRecord[] {
    return research[product.id] ?? [];
  }
}
