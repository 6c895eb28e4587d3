#!/usr/bin/env bash
# Packs rolepages and installs the tarball into a new strict TypeScript project, as a user would:
# a program using the library must type-check with skipLibCheck off and no @types of its own,
# and a call to a method the database handle does not have must be a type error.
# Needs the network (typescript, and better-sqlite3 built on install); CI does not run it.
# Usage: scripts/check-package.sh [project folder, default /tmp/userproj]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
project=${1:-/tmp/userproj}
registry=$(cd "$repo" && npm config get registry)

tarball_dir=$(mktemp -d)
(cd "$repo" && npm pack --silent --pack-destination "$tarball_dir" >/dev/null)
tarball=$(ls "$tarball_dir"/rolepages-*.tgz)
echo "packed $(basename "$tarball"): $(tar tzf "$tarball" | wc -l) files"
if tar tzf "$tarball" | grep -E '(^package/(test|fixtures|\.github|src|scripts)/)|\.test\.' ; then
  echo "FAIL: the package holds tests, fixtures, sources or CI files (above)"; exit 1
fi

rm -rf "$project" && mkdir -p "$project" && cd "$project"
npm init -y >/dev/null
npm pkg set type=module
cp "$repo/fixtures/000_61d26842a8aa7f89.txt" page.txt
npm install --no-save --no-audit --no-fund --registry "$registry" "$tarball" typescript >/dev/null
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
    "strict": true, "skipLibCheck": false, "noUncheckedIndexedAccess": true,
    "exactOptionalPropertyTypes": true, "outDir": "out"
  },
  "files": ["main.ts"]
}
JSON
cat > main.ts <<'TS'
import { extractFile, ingest, openReadOnly, PageError, readRole, ReportError, StoreError, writeReport } from 'rolepages';

const record = await extractFile('page.txt');
if (record instanceof PageError) console.log(`refused (${record.code}): ${record.reason}`);
else console.log(record.roles.map((r) => `${r.key} ${r.yearlySalary ?? '-'}`).join('\n'));

const summary = await ingest('roles.db', ['page.txt'], { concurrency: 0 });
console.log(`${summary.stored} stored, ${summary.roles} roles`);

const db = openReadOnly('roles.db');
const rows = db.prepare('SELECT key, yearly_salary FROM roles ORDER BY key').all() as Array<{ key: string; yearly_salary: number | null }>;
console.log(rows.map((r) => `${r.key}: ${r.yearly_salary}`).join(', '));
const first = rows[0];
if (first) console.log(readRole(db, first.key)?.pages, 'page');
db.close();

try {
  writeReport('roles.db', 'report.html');
} catch (error) {
  if (error instanceof ReportError || error instanceof StoreError) console.log(error.message);
  else throw error;
}
TS
sed 's/db.close();/db.closeAll();/' main.ts > wrong.ts
echo '{ "extends": "./tsconfig.json", "compilerOptions": { "noEmit": true }, "files": ["wrong.ts"] }' > tsconfig.wrong.json

echo "TypeScript $(npx tsc -v)"
npx tsc -p tsconfig.json
echo "main.ts type-checks with skipLibCheck: false"
if npx tsc -p tsconfig.wrong.json > wrong.log; then
  echo "FAIL: a method the database handle does not have type-checks"; exit 1
fi
grep "closeAll" wrong.log
node out/main.js
