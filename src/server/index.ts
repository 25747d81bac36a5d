/**
 * The explorer's server: the Hono app (src/server/app.ts) on a Node HTTP server, listening on
 * the loopback address unless told otherwise, with limits on headers, time and connections so
 * a class leaving it open all day cannot wear it down.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WorldDb } from '../store/reader.js';
import { createApp, type AppOptions, type ExplorerApp } from './app.js';
import { MAX_HEADER_BYTES } from './limits.js';

export { createApp, API_ROUTES, MAX_URL_LENGTH, type AppOptions, type ExplorerApp } from './app.js';

/** The address the server listens on unless told otherwise: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';
/** The port unless told otherwise (the year the programme's best-known student was born). */
export const DEFAULT_PORT = 1968;

/** Limits of the HTTP server, in milliseconds and bytes. */
export const SERVER_LIMITS = {
  /** Whole request, from the first byte to the last. */
  requestTimeout: 10_000,
  /** Headers must arrive within this. */
  headersTimeout: 5_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeout: 5_000,
  /** Largest request header block. */
  maxHeaderSize: MAX_HEADER_BYTES,
} as const;

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  server: ServerType;
  /** The app, its worlds' contexts, and its background work (`ready`, `checked`). */
  explorer: ExplorerApp;
  close(): Promise<void>;
}

/**
 * Starts the explorer for a world and resolves once it is listening.
 * @example const s = await startServer(openWorld('world.db'), { port: 0 }); console.log(s.url); await s.close()
 */
export async function startServer(
  world: WorldDb,
  options: { port?: number; host?: string } & AppOptions = {},
): Promise<RunningServer> {
  const explorer = createApp(world, options);
  const { app } = explorer;
  const host = options.host ?? DEFAULT_HOST;
  const wanted = options.port ?? DEFAULT_PORT;
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      port: wanted,
      hostname: host,
      serverOptions: {
        requestTimeout: SERVER_LIMITS.requestTimeout,
        headersTimeout: SERVER_LIMITS.headersTimeout,
        keepAliveTimeout: SERVER_LIMITS.keepAliveTimeout,
        maxHeaderSize: SERVER_LIMITS.maxHeaderSize,
      },
    });
    // Node answers requests it cannot parse itself, with an empty body; answer them as the API
    // answers every error instead: a JSON body naming the problem.
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      const [status, reason, message] =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? [
              431,
              'Request Header Fields Too Large',
              `the request's headers are larger than ${MAX_HEADER_BYTES} bytes`,
            ]
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [408, 'Request Timeout', 'the request took too long to arrive']
            : [400, 'Bad Request', 'the request is not valid HTTP'];
      const body = JSON.stringify({ error: { status, message } });
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    const failed = (e: Error) => {
      void explorer.stop();
      reject(e);
    };
    server.once('error', failed);
    server.once('listening', () => {
      server.off('error', failed);
      const port = (server.address() as AddressInfo).port;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${port}/`,
        port,
        host,
        server,
        explorer,
        close: async () => {
          await explorer.stop();
          await new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
        },
      });
    });
  });
}
