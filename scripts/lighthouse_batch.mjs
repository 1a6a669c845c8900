// Lighthouse runs for scripts/bench_site.py, many in one Node process.
//
// Each run is what `lighthouse URL --output=json --quiet [--preset=desktop] --chrome-flags=...` does
// (a fresh Chromium from CHROME_PATH, the same settings), without what the CLI pays again for every
// run: starting Node, loading Lighthouse and initialising its config (about 4 s of each CLI run on
// 2 cores, against some 8 s of Lighthouse's own work).
//
// stdin: {"chromeFlags": [...], "flags": {...Lighthouse flags...}, "profileDir": "...",
//         "jobs": [{"id", "url", "preset", "out"}]}
// stdout: one JSON line per job, in order: {"id", "ok", "error", "attempts", "seconds"}; the report is
// written to the job's "out". A run that fails is tried once more.

import fs from 'node:fs';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse, {desktopConfig} from 'lighthouse';

const input = JSON.parse(fs.readFileSync(0, 'utf8'));

async function runOnce(job, attempt) {
  // A profile of our own, which the caller can find (to end a Chromium that hangs) and removes.
  const userDataDir = `${input.profileDir}/job-${job.id}-${attempt}`;
  fs.mkdirSync(userDataDir, {recursive: true});
  const chrome = await chromeLauncher.launch({chromeFlags: input.chromeFlags, userDataDir, logLevel: 'silent'});
  try {
    const flags = {...input.flags, port: chrome.port, output: 'json', logLevel: 'silent'};
    const config = job.preset === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(job.url, flags, config);
    if (!result) throw new Error('Lighthouse returned no result');
    const {runtimeError} = result.lhr;
    if (runtimeError) throw new Error(`runtime error: ${runtimeError.code}: ${runtimeError.message}`);
    fs.writeFileSync(job.out, result.report);
  } finally {
    await chrome.kill();
  }
}

for (const job of input.jobs) {
  const start = Date.now();
  let error = null;
  let attempts = 0;
  for (; attempts < 2; ) {
    attempts++;
    try {
      await runOnce(job, attempts);
      error = null;
      break;
    } catch (e) {
      error = String(e && e.message ? e.message : e);
    }
  }
  const line = {id: job.id, ok: error === null, error, attempts, seconds: (Date.now() - start) / 1000};
  process.stdout.write(JSON.stringify(line) + '\n');
}
process.exit(0);
