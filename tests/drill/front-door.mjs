// The drill's front door (CloudFront and Route 53's part): one loopback address the clients use, forwarding
// to whichever instance is active. Switching it is one assignment; a request to an instance that is down
// answers 502, as an origin error does.
import { createServer, request } from 'node:http';
import { onStop } from './processes.mjs';

export async function startFrontDoor(target, name) {
  let current = target;
  let currentName = name;
  const server = createServer((incoming, outgoing) => {
    const to = new URL(current);
    const origin = currentName; // which instance served it: the load labels each acknowledgement with it
    const forward = request({
      host: to.hostname, port: to.port, method: incoming.method, path: incoming.url,
      headers: { ...incoming.headers, host: `${to.hostname}:${to.port}` },
    }, (answer) => {
      outgoing.writeHead(answer.statusCode, { ...answer.headers, 'x-drill-origin': origin });
      answer.pipe(outgoing);
    });
    forward.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end('origin unreachable');
    });
    incoming.pipe(forward);
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  const forget = onStop(close);
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get target() { return currentName; },
    switchTo(url, to) { current = url; currentName = to; },
    close: async () => { forget(); await close(); },
  };
}
