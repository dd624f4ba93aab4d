import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { ResolvedUser } from '../references/user.reference';
import { User } from '../types/user.type';

@Resolver(() => User)
export class UserResolver {
  /** Needs both `@requires` fields; null when the router did not send them. */
  @FieldResolver()
  averageProductsCreatedPerYear(@Root() user: ResolvedUser): number | null {
    const { totalProductsCreated, yearsOfEmployment } = user;
    if (totalProductsCreated == null || !yearsOfEmployment) return null;
    return Math.round(totalProductsCreated / yearsOfEmployment);
  }
}
