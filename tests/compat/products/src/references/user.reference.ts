import { alignByKey, batchedReference } from '@ioc/kit';
import type { ProductsContext } from '../context';
import { users } from '../data';

/** The key, plus the `@external` fields the router sends when a query needs `@requires`. */
export interface UserRepresentation {
  email: string;
  totalProductsCreated?: number | null;
  yearsOfEmployment?: number;
}

export interface ResolvedUser {
  email: string;
  name: string;
  totalProductsCreated?: number | null;
  yearsOfEmployment?: number;
}

export const userReference = batchedReference<UserRepresentation, ProductsContext>('User', async (representations) => {
  const known = alignByKey(
    representations.map((rep) => rep.email),
    users,
    (row) => row.email,
  );
  return representations.map((rep, i): ResolvedUser | null => {
    const row = known[i];
    if (!row) return null;
    // Values the owning subgraph sent win over our own copy.
    const fromRouter = Object.fromEntries(
      (['totalProductsCreated', 'yearsOfEmployment'] as const).filter((field) => rep[field] != null).map((field) => [field, rep[field]]),
    );
    return { ...row, ...fromRouter };
  });
});
