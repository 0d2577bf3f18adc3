#!/usr/bin/env bash
# The codemod as a user gets it: build, `npm pack`, install the tarball into an empty folder, then
# scan and apply a v4 app (a repo fixture in a fresh git repository) with the installed command.
# No checkout of this repository is on the command's path. Ends with "pack smoke: ok" or exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npx tsc -p tsconfig.build.json
tarball=$(npm pack --silent --pack-destination "$work")
echo "packed $tarball ($(du -k "$work/$tarball" | cut -f1) kB)"

mkdir "$work/empty"
(cd "$work/empty" && npm init -y >/dev/null && npm install --no-audit --no-fund --prefer-offline --ignore-scripts "$work/$tarball" >/dev/null)
bin="$work/empty/node_modules/.bin/next-auth-v5-codemod"

app="$work/app"
cp -r transforms/__testfixtures__/repos/app-router-route/input "$app"
(cd "$app" && git init -q && git add . && git -c user.email=t@example.com -c user.name=t commit -qm v4)

fail() { echo "pack smoke: $*"; exit 1; }
code=0; "$bin" scan "$app" --check >"$work/scan.txt" || code=$?
[ "$code" -eq 1 ] || fail "scan --check on a v4 app exited $code, expected 1"
grep -q "getServerSession" "$work/scan.txt" || fail "scan did not list getServerSession"
code=0; "$bin" apply "$app" >/dev/null 2>&1 || code=$?
[ "$code" -eq 2 ] || fail "apply without --all or --step exited $code, expected 2"
"$bin" apply "$app" --all >"$work/apply.txt" || fail "apply --all failed: $(cat "$work/apply.txt")"
grep -q "signed out at deploy" "$work/apply.txt" && fail "apply warned of a sign-out although it wrote the session bridge"
grep -q "export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)" "$app/src/auth.js" || fail "apply did not write src/auth.js wrapped in the bridge"
grep -q "Written by the next-auth v5 codemod (step 6)" "$app/src/legacy-v4-session.js" || fail "apply did not write the session bridge from the packed template"
grep -q "session bridge:" "$work/apply.txt" || fail "apply's summary does not name the session bridge"
[ -f "$app/NEXT-AUTH-V5-TODO.md" ] || fail "apply did not write NEXT-AUTH-V5-TODO.md"
echo "pack smoke: ok"
