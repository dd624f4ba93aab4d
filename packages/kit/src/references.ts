import DataLoader from 'dataloader';

export type Representation = Record<string, unknown> & { __typename?: string };
export type ReferenceResolvers = Record<string, { __resolveReference(reference: Representation, context: unknown): unknown }>;

/** Per-request DataLoaders, one per name: what turns N representations into one query. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown, string>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error | null>>): DataLoader<K, V | null, string> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<unknown, unknown, string>((keys) => batch(keys as K[]), { cacheKeyFn: stableKey });
      this.loaders.set(name, loader);
    }
    return loader as unknown as DataLoader<K, V | null, string>;
  }
}

function stableKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => key !== '__typename')
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${stableKey(v)}`).join(',')}}`;
}

export interface HasLoaders {
  loaders: LoaderRegistry;
}

/**
 * A batched `__resolveReference`: all representations of `typeName` in one `_entities` call
 * reach `load` together, which must return one result (or null) per representation, in order.
 */
export function batchedReference<TRef extends object, TContext extends HasLoaders>(
  typeName: string,
  load: (references: readonly TRef[], context: TContext) => Promise<ReadonlyArray<unknown>>,
): ReferenceResolvers {
  return {
    [typeName]: {
      __resolveReference(reference, context) {
        const ctx = context as TContext;
        return ctx.loaders.get<TRef, unknown>(`reference:${typeName}`, (refs) => load(refs, ctx) as Promise<unknown[]>).load(reference as TRef);
      },
    },
  };
}
