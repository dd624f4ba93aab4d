import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/bounded-cache';

describe('BoundedCache', () => {
  it('evicts the least recently used past its byte budget', () => {
    const cache = new BoundedCache<string>(100, 10);
    cache.set('a', 'a', 4);
    cache.set('b', 'b', 4);
    expect(cache.get('a')).toBe('a'); // a is now the most recent
    cache.set('c', 'c', 4);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c')]).toEqual(['a', 'c']);
    expect(cache.weight).toBe(8);
  });

  it('evicts past its entry count, and keeps nothing heavier than the whole budget', () => {
    const cache = new BoundedCache<number>(2, 1000);
    for (let i = 0; i < 5; i++) cache.set(String(i), i, 1);
    expect(cache.size).toBe(2);
    cache.set('huge', 0, 1001);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('replacing a key does not count it twice', () => {
    const cache = new BoundedCache<number>(10, 10);
    cache.set('a', 1, 6);
    cache.set('a', 2, 6);
    expect(cache.get('a')).toBe(2);
    expect(cache.weight).toBe(6);
  });
});
