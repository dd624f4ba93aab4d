import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { eventually } from '@ioc/kit/testing';
import { ClientStream, slowClientCloseCode } from '../src/subscriptions/client-stream';
import { fakeSocket } from './support';

function streamOn(socket: ReturnType<typeof fakeSocket> | WebSocket, limit: number) {
  const slow: string[] = [];
  let released = 0;
  const stream = new ClientStream({ socket, operationId: 'op', limit, onRelease: () => void released++, onSlow: (reason) => void slow.push(reason) });
  return { stream, slow, released: () => released };
}

describe('client stream', () => {
  it('writes each result as a graphql-transport-ws next frame for its operation', () => {
    const socket = fakeSocket();
    const { stream } = streamOn(socket, 10);
    stream.push('{"data":{"n":1}}');
    expect(socket.frames).toEqual(['{"id":"op","type":"next","payload":{"data":{"n":1}}}']);
  });

  it('holds results while the socket is backed up and writes them in order once it drains', async () => {
    const socket = fakeSocket();
    const { stream, slow } = streamOn(socket, 10);
    stream.push('{"data":{"n":1}}');
    socket.backedUp = true;
    for (let n = 2; n <= 5; n++) stream.push(`{"data":{"n":${n}}}`);
    expect(socket.payloads()).toHaveLength(1);
    socket.flush();
    await eventually(() => socket.payloads().length === 5, 5000, 'the held results');
    expect(socket.payloads().map((payload) => (payload.data as { n: number }).n)).toEqual([1, 2, 3, 4, 5]);
    expect(slow).toEqual([]);
  });

  it('a client `limit` results behind is closed with 4499 and a reason, and released once', async () => {
    const socket = fakeSocket();
    socket.backedUp = true;
    const { stream, slow, released } = streamOn(socket, 1000);
    for (let n = 0; n < 2000; n++) stream.push(`{"data":{"n":${n}}}`);
    expect(socket.closed).toEqual({ code: slowClientCloseCode, reason: 'subscriber too slow: 1000 events were waiting' });
    expect(slow).toEqual(['subscriber too slow: 1000 events were waiting']);
    expect(released()).toBe(1);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('ends after a last error written behind what was waiting, so graphql-ws completes the operation', async () => {
    const socket = fakeSocket();
    socket.backedUp = true;
    const { stream, released } = streamOn(socket, 10);
    stream.push('{"data":{"n":1}}');
    stream.end({ errors: [] });
    let ended = false;
    void stream.next().then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false);
    socket.flush();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(socket.payloads()).toEqual([{ data: { n: 1 } }, { errors: [] }]);
    expect(released()).toBe(1);
  });

  it('return() (the client completed, or its socket closed) releases the stream and drops what waits', async () => {
    const socket = fakeSocket();
    socket.backedUp = true;
    const { stream, released } = streamOn(socket, 10);
    stream.push('{"data":{"n":1}}');
    expect(await stream.return()).toEqual({ value: undefined, done: true });
    socket.flush();
    stream.push('{"data":{"n":2}}');
    expect(socket.frames).toEqual([]);
    expect(released()).toBe(1);
  });

  it('on a real socket whose reader stopped: once the buffers are full it is closed 4499, which the reader sees when it reads again', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    const accepted = once(server, 'connection') as Promise<[WebSocket]>;
    const reader = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await once(reader, 'open');
    const [socket] = await accepted;
    reader.pause();
    try {
      const { stream, slow } = streamOn(socket, 5);
      // 64 KiB results fill the kernel's and ws's buffers within a few hundred, whatever their sizes here.
      const big = JSON.stringify({ data: { blob: 'x'.repeat(64 * 1024) } });
      let pushed = 0;
      while (slow.length === 0 && pushed < 20_000) {
        stream.push(big);
        pushed++;
        if (pushed % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      expect(slow).toEqual(['subscriber too slow: 5 events were waiting']);
      const closed = once(reader, 'close') as Promise<[number, Buffer]>;
      reader.resume();
      const [code, reason] = await closed;
      expect({ code, reason: reason.toString() }).toEqual({ code: slowClientCloseCode, reason: 'subscriber too slow: 5 events were waiting' });
    } finally {
      reader.terminate();
      server.close();
    }
  });
});
