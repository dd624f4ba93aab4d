import { alignByKey, batchedReference } from '@ioc/kit';
import type { ProductsContext } from '../context';
import { allResearch } from '../data';

export interface ProductResearchKey {
  study: { caseNumber: string };
}

export const productResearchReference = batchedReference<ProductResearchKey, ProductsContext>('ProductResearch', async (keys) =>
  alignByKey(
    keys.map((key) => key.study.caseNumber),
    allResearch,
    (row) => row.study.caseNumber,
  ),
);
