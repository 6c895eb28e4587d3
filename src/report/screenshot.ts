import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run report:screenshot [-- REPORT.html [OUT.png [ROLE_KEY]]]`: a PNG of the report taken
 * by headless Chromium, with ROLE_KEY's section opened (default collections-coordinator, when the
 * report has it), for the README and for eyeballing a change.
 */
const CHROMIUM = '/usr/bin/chromium';
const [input = 'out/report.html', output = 'out/report.png', role = 'collections-coordinator'] = process.argv.slice(2);

function fail(message: string): never {
  process.stderr.write(`report:screenshot: ${message}\n`);
  process.exit(2);
}

if (!existsSync(CHROMIUM)) {
  fail(`${CHROMIUM} is missing; install Chromium with \`sudo apt-get update && sudo apt-get install -y chromium\` (Debian/Ubuntu) and run again`);
}
if (!existsSync(input)) {
  fail(`${input}: no report to photograph; write one first with \`npm start\` or \`rolepages report --out ${input}\``);
}

mkdirSync(dirname(resolve(output)), { recursive: true });
// A fresh profile each time: nothing from an earlier run (cache, session) can change the picture.
const profile = mkdtempSync(join(tmpdir(), 'rolepages-chromium-'));
try {
  // A copy with the role's section open: a URL fragment would open it too, but scroll the page.
  const html = readFileSync(input, 'utf8').replace(`<details class="role" id="role-${role}"`, `<details open class="role" id="role-${role}"`);
  const copy = join(profile, 'report.html');
  writeFileSync(copy, html);
  const url = pathToFileURL(copy).href;
  const result = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--hide-scrollbars',
      '--window-size=1200,3000',
      '--virtual-time-budget=2000',
      `--screenshot=${resolve(output)}`,
      url,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.error) fail(`cannot run ${CHROMIUM} (${result.error.message})`);
  if (result.status !== 0 || !existsSync(output)) {
    const last = (result.stderr ?? '').trim().split('\n').at(-1) ?? '';
    fail(`${CHROMIUM} exited with status ${result.status ?? 'none'} without writing ${output}: ${last}`);
  }
  process.stdout.write(`report:screenshot: wrote ${output}\n`);
} finally {
  rmSync(profile, { recursive: true, force: true });
}
