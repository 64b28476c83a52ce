// Run as a child by the lock test: takes the writer lock, says so, then blocks its event loop
// (as a run busy on one huge article does) for the given seconds, never releasing the lock itself.
import { lockDatabase } from '../../pipeline/store/lock.ts';

const [file, seconds] = process.argv.slice(2);
await lockDatabase(file!);
process.stdout.write('locked\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(seconds) * 1000);
process.stdout.write('woke\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
