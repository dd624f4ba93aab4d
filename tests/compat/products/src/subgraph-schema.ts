import { buildFederatedSchema, type FederatedSchema, type FederatedSchemaOptions } from '@ioc/kit';
import { deprecatedProductReference } from './references/deprecated-product.reference';
import { inventoryReference } from './references/inventory.reference';
import { productResearchReference } from './references/product-research.reference';
import { productReference } from './references/product.reference';
import { userReference } from './references/user.reference';
import { ProductResolver } from './resolvers/product.resolver';
import { QueryResolver } from './resolvers/query.resolver';
import { UserResolver } from './resolvers/user.resolver';
import { Inventory } from './types/inventory.type';

/**
 * Apollo's compatibility "products" subgraph (products.graphql of
 * @apollo/federation-subgraph-compatibility-tests), built the way our services are built.
 * Federation 2.3 with exactly the suite's imports, plus the composed custom directive `@custom`.
 */
export const productsSchemaOptions: FederatedSchemaOptions = {
  resolvers: [QueryResolver, ProductResolver, UserResolver],
  // Reached only through `_entities`: no query returns an Inventory.
  orphanedTypes: [Inventory],
  references: {
    ...productReference,
    ...deprecatedProductReference,
    ...productResearchReference,
    ...userReference,
    ...inventoryReference,
  },
  link: {
    version: '2.3',
    imports: [
      '@composeDirective',
      '@extends',
      '@external',
      '@key',
      '@inaccessible',
      '@interfaceObject',
      '@override',
      '@provides',
      '@requires',
      '@shareable',
      '@tag',
    ],
  },
  extraSdl: `
extend schema
  @link(url: "https://myspecs.dev/myCustomDirective/v1.0", import: ["@custom"])
  @composeDirective(name: "@custom")

directive @custom on OBJECT
`,
};

export function buildProductsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(productsSchemaOptions);
}
