import { expect, it } from 'vitest';
import { isIntrospectionOnly } from '../src/contracts/serve';

// Agency clients may send these without the allow-list (their contract answers): nothing else may pass.
it('lets through only documents that read nothing but the schema', () => {
  expect(isIntrospectionOnly('{ __schema { types { name } } }')).toBe(true);
  expect(isIntrospectionOnly('query Q { __type(name: "Alert") { fields { name } } __typename }')).toBe(true);
  expect(isIntrospectionOnly('query Q { ...Meta } fragment Meta on Query { __schema { queryType { name } } }')).toBe(true);

  expect(isIntrospectionOnly('{ __schema { types { name } } alerts { totalCount } }')).toBe(false);
  expect(isIntrospectionOnly('query Q { ...Data } fragment Data on Query { alerts { totalCount } }')).toBe(false);
  expect(isIntrospectionOnly('query Q { ... on Query { alerts { totalCount } } }')).toBe(false);
  expect(isIntrospectionOnly('{ __typename } query Other { alerts { totalCount } }')).toBe(false);
  expect(isIntrospectionOnly('subscription S { __typename }')).toBe(false);
  expect(isIntrospectionOnly('query Q { ...A } fragment A on Query { ...A }')).toBe(false);
  expect(isIntrospectionOnly('{ __schema {')).toBe(false);
});
