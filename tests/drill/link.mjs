// The replication link between the two "regions": a TCP relay on loopback that holds every chunk for
// delayMs in each direction, as the distance between two regions does, and that a region failure cuts: what
// is still on its way is lost with the region. Without a delay it is a plain relay, so every drill replicates
// through it and the kill always cuts the link with the primary.
import { connect, createServer } from 'node:net';
import { onStop } from './processes.mjs';

/** A link to 127.0.0.1:`port`; replicas connect to link.port instead. */
export async function startLink(port, delayMs = 0) {
  const sockets = new Set();
  let cut = false;
  const later = (action) => (delayMs > 0 ? setTimeout(action, delayMs) : action());
  const relay = (from, to) => {
    from.on('data', (chunk) => later(() => { if (!cut && !to.destroyed) to.write(chunk); }));
    from.on('end', () => later(() => { if (!cut) to.end(); }));
    from.on('close', () => later(() => to.destroy()));
    from.on('error', () => {});
  };
  const server = createServer((near) => {
    if (cut) { near.destroy(); return; }
    const far = connect(port, '127.0.0.1');
    for (const s of [near, far]) { sockets.add(s); s.once('close', () => sockets.delete(s)); s.setNoDelay(true); }
    relay(near, far);
    relay(far, near);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise((resolve) => {
    cut = true;
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  const forget = onStop(close);
  return {
    port: server.address().port,
    delayMs,
    /** The region is gone: every connection drops at once, with what was in flight. */
    cut: async () => { forget(); await close(); },
  };
}
