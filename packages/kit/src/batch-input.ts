import { badInput } from './errors';

/**
 * Batch mutations (`receiveDossiers(items: [...])`) and their single twins share one store
 * function; this names an item's argument in its errors: `input.serviceId` for the single
 * mutation, `items[3].input.serviceId` in a batch.
 */
export type ArgumentName = (index: number, argument: string) => string;
export const singleArgument: ArgumentName = (_index, argument) => argument;
export const batchArgument =
  (list: string): ArgumentName =>
  (index, argument) =>
    `${list}[${index}].${argument}`;

/** Refuses an empty list or one longer than `max` (the bound the schema states), naming the argument. */
export function checkBatchSize(list: readonly unknown[], argument: string, max: number): void {
  if (list.length === 0) throw badInput(argument, 'must hold at least one item');
  if (list.length > max) throw badInput(argument, `holds ${list.length} items; at most ${max} a call (send several calls)`);
}
