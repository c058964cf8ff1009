// Test helper: serves a few in-memory files on 127.0.0.1, so TensorFlow.js loads a model the way
// a browser or a server would, over HTTP.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves `files` (path → bytes) until `close`; `url(path)` is where each one is. */
export async function serveFiles(files: ReadonlyMap<string, Uint8Array | string>) {
  const server = createServer((request, response) => {
    const body = files.get(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}/${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
