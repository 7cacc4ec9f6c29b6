// Replaces upstream's bin/jsii-runtime.js in the patched Amazon.JSII.Runtime: runs the jsii kernel
// (lib/program.js) in this process. Upstream starts a second Node.js process for it and relays every
// request and response through this one: ~0.1 s more start-up, a third process on the CPU, and two
// more hops per call (a synth makes thousands). The patched program.js talks on fd 0 and 1, the
// .NET host's pipes (node runs with --preserve-symlinks, which the patched host passes); output from
// JavaScript code goes to the host the way upstream's relay sends it: one JSON line per chunk on
// stderr, which the host decodes onto its own stdout and stderr.
'use strict';
const fs = require('fs');
const path = require('path');
const { Readable, Writable } = require('stream');

function forwardedAs(tag) {
  return new Writable({
    write(chunk, encoding, done) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
      fs.writeSync(2, `${JSON.stringify({ [tag]: bytes.toString('base64') })}\n`);
      done();
    },
  });
}

// Before anything writes: fd 1 carries only the kernel's responses. fd 0 must never become a stream
// (that would make it non-blocking, and the kernel reads it synchronously): JavaScript sees an empty
// stdin, as it did behind upstream's relay.
const streams = { stdin: Readable.from([]), stdout: forwardedAs('stdout'), stderr: forwardedAs('stderr') };
for (const [name, stream] of Object.entries(streams)) {
  Object.defineProperty(process, name, { value: stream, configurable: true, enumerable: true, writable: false });
}

require(path.resolve(__dirname, '..', 'lib', 'program.js'));
