import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { TelecomOperator } from '../entities/telecom-operator.entity';

export async function findTelecomOperators(ids: readonly string[], ctx: SubgraphContext): Promise<Array<TelecomOperator | null>> {
  const rows = await ctx.db.getRepository(TelecomOperator).findBy({ id: In([...new Set(ids)]) });
  return alignByKey(ids, rows, (row) => row.id);
}

export const telecomOperatorReference = batchedReference<{ id: string }, SubgraphContext>('TelecomOperator', (refs, ctx) =>
  findTelecomOperators(refs.map((ref) => ref.id), ctx),
);
