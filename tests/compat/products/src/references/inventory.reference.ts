import { alignByKey, batchedReference } from '@ioc/kit';
import type { ProductsContext } from '../context';
import { inventories } from '../data';

export const inventoryReference = batchedReference<{ id: string }, ProductsContext>('Inventory', async (keys) =>
  alignByKey(
    keys.map((key) => key.id),
    inventories,
    (row) => row.id,
  ),
);
