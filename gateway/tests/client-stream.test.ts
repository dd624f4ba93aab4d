import { expect, it } from 'vitest';
import { ClientStream } from '../src/subscriptions/client-stream';

it('writes serialised results straight to the socket and cuts the client off when the socket refuses', async () => {
  const written: string[] = [];
  let room = 2;
  const overflows: number[] = [];
  let released = 0;
  const stream = new ClientStream(10, () => void released++, (limit) => void overflows.push(limit), (json) => (room-- > 0 ? (written.push(json), true) : false));
  stream.push({ data: { n: 1 } }, '{"data":{"n":1}}');
  stream.push({ data: { n: 2 } }, '{"data":{"n":2}}');
  expect(written).toEqual(['{"data":{"n":1}}', '{"data":{"n":2}}']);
  stream.push({ data: { n: 3 } }, '{"data":{"n":3}}');
  expect(overflows).toEqual([10]);
  expect(released).toBe(1);
  expect(await stream.next()).toEqual({ value: undefined, done: true });
  stream.push({ data: { n: 4 } }, '{"data":{"n":4}}');
  expect(written).toHaveLength(2);
});

it('delivers a last error through the iterator, after what was written directly', async () => {
  const written: string[] = [];
  const stream = new ClientStream(10, () => undefined, () => undefined, (json) => (written.push(json), true));
  stream.push({ data: { n: 1 } }, '{"data":{"n":1}}');
  stream.end({ errors: [] });
  expect(written).toEqual(['{"data":{"n":1}}']);
  expect(await stream.next()).toEqual({ value: { errors: [] }, done: false });
  expect(await stream.next()).toEqual({ value: undefined, done: true });
});
