import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * A server on 127.0.0.1 that misbehaves the way a broken proxy or a hostile host does: a body
 * with no end in sight, a request it never answers, or an answer trickled a byte at a time.
 * It records what reached it (the Authorization header included) and how far it got.
 */
export type Misbehaviour =
  | { kind: 'huge'; bytes: number }
  /** A small gzip body that inflates to `bytes`: the cap must count what the client decodes. */
  | { kind: 'gzipBomb'; bytes: number }
  | { kind: 'hang' }
  | { kind: 'trickle'; everyMs: number }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Behaves: relays to a well-behaved fake, so a test can fill a cache before turning hostile. */
  | { kind: 'relay'; to: string };

export interface HostileRequest {
  method: string;
  path: string;
  authorization?: string;
}

export class HostileServer {
  readonly requests: HostileRequest[] = [];
  /** Body bytes written, over all responses. */
  bytesSent = 0;
  /** Responses the server wrote to the end (a client that gives up early leaves this at 0). */
  completed = 0;
  url = '';
  private server?: http.Server;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(public behaviour: Misbehaviour) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
      if (this.behaviour.kind === 'relay') return this.relay(req, res, this.behaviour.to);
      req.resume();
      this.answer(res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private relay(req: http.IncomingMessage, res: http.ServerResponse, to: string): void {
    const target = new URL(req.url ?? '/', to);
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  }

  private answer(res: http.ServerResponse): void {
    const b = this.behaviour;
    if (b.kind === 'hang' || b.kind === 'relay') return;
    if (b.kind === 'gzipBomb') {
      const body = gzipSync(Buffer.concat([Buffer.from('{"data":'), Buffer.alloc(b.bytes, 0x20), Buffer.from('null}')]));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip', 'content-length': String(body.length) });
      this.bytesSent += body.length;
      res.end(body);
      return;
    }
    if (b.kind === 'status') {
      res.writeHead(b.status, { 'content-type': 'application/json', ...b.headers });
      res.end(JSON.stringify({ message: `status ${b.status}` }));
      this.completed++;
      return;
    }
    // No content-length: the client learns the size only by reading.
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    if (b.kind === 'trickle') {
      const t = setInterval(() => {
        if (res.destroyed) return clearInterval(t);
        res.write(' ');
        this.bytesSent++;
      }, b.everyMs);
      this.timers.add(t);
      res.on('close', () => clearInterval(t));
      return;
    }
    // A JSON document padded with whitespace: valid if read to the end, so only a cap stops it.
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    res.write('{"data":');
    let left = b.bytes;
    const pump = (): void => {
      while (left > 0 && !res.destroyed) {
        const n = Math.min(left, chunk.length);
        left -= n;
        this.bytesSent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
      }
      if (!res.destroyed) {
        res.end('null}');
        this.completed++;
      }
    };
    pump();
  }
}
