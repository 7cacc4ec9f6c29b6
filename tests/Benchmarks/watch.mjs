// npm run benchmark:watch — save to report of `npm run watch` for a one-value change, measured over several saves.
import { WatchSession } from '../watch/session.mjs';

const saves = Number(process.argv[2] ?? 20);
if (!Number.isInteger(saves) || saves < 1 || saves > 1000) {
  console.error(`usage: npm run benchmark:watch [saves: 1-1000, default 20]; got '${process.argv[2]}'`);
  process.exit(2);
}
const session = await WatchSession.start();
console.log(`first report (jsii start, first synth): ${session.first.ms} ms`);
const wall = [];
const own = [];
try {
  for (let i = 0; i < saves; i++) {
    const [from, to] = i % 2 === 0 ? ['desiredCount: 2', 'desiredCount: 3'] : ['desiredCount: 3', 'desiredCount: 2'];
    const report = await session.edit('production.yaml', from, to);
    wall.push(report.wallMs);
    own.push(report.ms);
  }
} finally {
  await session.stop();
}
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const line = (name, values) => console.log(`${name}: median ${quantile(values, 0.5).toFixed(0)} ms, p90 ${quantile(values, 0.9).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`);
console.log(`${saves} saves of one value (production.yaml desiredCount), target ≤ 500 ms from save to report:`);
line('  save → report printed (seen by this script)', wall);
line('  first file event → report (the watch\'s own figure)', own);
console.log(`  the first save after start: ${wall[0].toFixed(0)} ms (code paths compiled on first use)`);
