/**
 * The mock core served to native CPython on 127.0.0.1: the same `createMockServer` the Python worker
 * hosts, answering the same raw bytes (fix401_host.py is the other end). One fresh server per job,
 * with the job's scenario state and clock, as a Run in the browser gets.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Exchange } from '../../src/mock-api/contract';
import { createMockServer, type MockServer } from '../../src/mock-api/server';
import type { ServerState } from '../../src/mock-api/server-state';

export interface BridgeJob {
  server: ServerState;
  virtualNow: number;
}

export interface Bridge {
  port: number;
  /** The exchanges of each job, by job id. */
  exchanges: Map<number, Exchange[]>;
  close(): Promise<void>;
}

type Header =
  { op: 'start'; job: number } | { op: 'clock'; ms: number } | { op: 'wire'; scheme: 'http' | 'https'; host: string; port: number };

function frame(payload: Uint8Array): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(payload.length);
  return Buffer.concat([head, payload]);
}

export async function startBridge(jobs: ReadonlyMap<number, BridgeJob>): Promise<Bridge> {
  const exchanges = new Map<number, Exchange[]>();
  let current: MockServer | null = null;

  const answer = (header: Header, body: Uint8Array): Uint8Array => {
    if (header.op === 'start') {
      const job = jobs.get(header.job);
      if (!job) throw new Error(`oracle: no job ${header.job}`);
      current = createMockServer(job.server, { startAt: job.virtualNow });
      const log: Exchange[] = [];
      exchanges.set(header.job, log);
      current.onExchange((e) => log.push(e));
      return new Uint8Array();
    }
    if (!current) throw new Error('oracle: a request before any job started');
    if (header.op === 'clock') {
      current.clock.advance(header.ms);
      return new Uint8Array();
    }
    return current.handleWire({ scheme: header.scheme, host: header.host, port: header.port, bytes: body });
  };

  const serve = (socket: Socket) => {
    let pending = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
        const size = pending.readUInt32BE(0);
        const message = pending.subarray(4, 4 + size);
        pending = pending.subarray(4 + size);
        const newline = message.indexOf(10);
        const header = JSON.parse(message.subarray(0, newline).toString('utf8')) as Header;
        socket.write(frame(answer(header, new Uint8Array(message.subarray(newline + 1)))));
      }
    });
  };

  const server: Server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    exchanges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
