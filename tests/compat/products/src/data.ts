/**
 * The fixed data of Apollo's compatibility suite (the reference "products" implementation),
 * held in memory: the suite asserts these exact values.
 */

export interface UserRecord {
  email: string;
  name: string;
  totalProductsCreated: number;
}

export interface DeprecatedProductRecord {
  sku: string;
  package: string;
  reason: string;
  createdBy: UserRecord;
}

export interface ProductRecord {
  id: string;
  sku: string;
  package: string;
  variation: { id: string };
}

export interface ProductResearchRecord {
  study: { caseNumber: string; description: string };
  outcome: string | null;
}

export interface InventoryRecord {
  id: string;
  deprecatedProducts: DeprecatedProductRecord[];
}

/** The suite fails an implementation that reports 4 (what a naive users lookup would give). */
export const user: UserRecord = { email: 'support@apollographql.com', name: 'Jane Smith', totalProductsCreated: 1337 };

export const users: readonly UserRecord[] = [user];

export const dimensions = { size: 'small', weight: 1, unit: 'kg' } as const;

export const deprecatedProduct: DeprecatedProductRecord = {
  sku: 'apollo-federation-v1',
  package: '@apollo/federation-v1',
  reason: 'Migrate to Federation V2',
  createdBy: user,
};

export const deprecatedProducts: readonly DeprecatedProductRecord[] = [deprecatedProduct];

export const products: readonly ProductRecord[] = [
  { id: 'apollo-federation', sku: 'federation', package: '@apollo/federation', variation: { id: 'OSS' } },
  { id: 'apollo-studio', sku: 'studio', package: '', variation: { id: 'platform' } },
];

/** Research by product id. */
export const research: Readonly<Record<string, readonly ProductResearchRecord[]>> = {
  'apollo-federation': [{ study: { caseNumber: '1234', description: 'Federation Study' }, outcome: null }],
  'apollo-studio': [{ study: { caseNumber: '1235', description: 'Studio Study' }, outcome: null }],
};

export const allResearch: readonly ProductResearchRecord[] = Object.values(research).flat();

export const inventories: readonly InventoryRecord[] = [{ id: 'apollo-oss', deprecatedProducts: [deprecatedProduct] }];
