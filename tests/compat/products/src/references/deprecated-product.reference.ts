import { alignByKey, batchedReference } from '@ioc/kit';
import type { ProductsContext } from '../context';
import { deprecatedProducts, type DeprecatedProductRecord } from '../data';

export interface DeprecatedProductKey {
  sku: string;
  package: string;
}

const keyOf = ({ sku, package: pkg }: DeprecatedProductKey) => JSON.stringify([sku, pkg]);

export function findDeprecatedProducts(keys: readonly DeprecatedProductKey[]): Array<DeprecatedProductRecord | null> {
  return alignByKey(keys.map(keyOf), deprecatedProducts, keyOf);
}

export const deprecatedProductReference = batchedReference<DeprecatedProductKey, ProductsContext>('DeprecatedProduct', async (keys) =>
  findDeprecatedProducts(keys),
);
