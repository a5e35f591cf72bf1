// Loaded into the report process with `node --import`: writes the process's own peak RSS (KiB)
// to $BENCH_RSS_FILE when it exits. The variable is removed at once so that any node process the
// report starts does not inherit it and overwrite the figure with its own.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
delete process.env.BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
