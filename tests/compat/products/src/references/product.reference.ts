import { batchedReference } from '@ioc/kit';
import type { ProductsContext } from '../context';
import { products, type ProductRecord } from '../data';

/** Any of Product's three keys. */
export type ProductKey = { id: string } | { sku: string; package: string } | { sku: string; variation: { id: string } };

function matches(product: ProductRecord, key: ProductKey): boolean {
  if ('id' in key) return product.id === key.id;
  if ('package' in key) return product.sku === key.sku && product.package === key.package;
  return product.sku === key.sku && product.variation.id === key.variation?.id;
}

export function findProducts(keys: readonly ProductKey[]): Array<ProductRecord | null> {
  return keys.map((key) => products.find((product) => matches(product, key)) ?? null);
}

export const productReference = batchedReference<ProductKey, ProductsContext>('Product', async (keys) => findProducts(keys));
