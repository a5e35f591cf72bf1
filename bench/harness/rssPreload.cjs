// Loaded into the report process with `node --require`: writes the process's own peak RSS (KiB)
// to $BENCH_RSS_FILE when it exits. The variable is removed at once so that any node process the
// report starts does not inherit it and overwrite the figure with its own.
// CommonJS and --require on purpose: an ES module preload (--import) makes Node start its ESM
// loader and send the CLI bundle through it (format detection, export scan), which added ~60 ms
// to every run and measured the instrument rather than the product.
'use strict';
const { writeFileSync } = require('node:fs');

const out = process.env.BENCH_RSS_FILE;
delete process.env.BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
