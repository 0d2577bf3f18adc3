#!/usr/bin/env bash
# The codemod as a user gets it: codemod/ copied alone (its files as git would commit them, and
# MIGRATION.md beside it as in a checkout; no parent package, no node_modules), `npm ci` and
# `npm pack` there with no prior build, the tarball installed into an empty folder, then a v4 app
# (a repo fixture in a fresh git repository) scanned and applied with `npx --yes` from that folder:
# the command the README shows, and the folder's installed copy. Ends with "pack smoke: ok" or exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
# npx installs a --package tarball into its own cache (~50 MB), keyed by the tarball's path: drop ours.
npx_cache="$(npm config get cache)/_npx"
cleanup() {
  grep -l --fixed-strings "$work/" "$npx_cache"/*/package.json 2>/dev/null | xargs -r dirname | xargs -r rm -rf || true
  rm -rf "$work"
}
trap cleanup EXIT
started=$SECONDS
fail() { echo "pack smoke: $*"; exit 1; }
progress() { echo "pack smoke: $* ($((SECONDS - started))s)"; }

# Tracked and new (not ignored) files, as they are in the working tree: no dist/, no node_modules/.
mkdir "$work/codemod"
git ls-files -z --cached --others --exclude-standard -- . |
  while IFS= read -r -d '' f; do if [ -e "$f" ]; then printf '%s\0' "$f"; fi; done |
  tar --null -T - -cf - | tar -xf - -C "$work/codemod"
cp ../MIGRATION.md "$work/MIGRATION.md"
progress "copied codemod/ alone to $work"

(cd "$work/codemod" && npm ci --no-audit --no-fund --prefer-offline >"$work/ci.txt" 2>&1) ||
  fail "npm ci failed: $(tail -20 "$work/ci.txt")"
[ ! -e "$work/codemod/dist" ] || fail "dist/ exists before npm pack"
progress "npm ci"
(cd "$work/codemod" && npm pack --silent --pack-destination "$work" >"$work/pack.txt" 2>&1) ||
  fail "npm pack failed: $(tail -20 "$work/pack.txt")"
tarball="$work/$(tail -1 "$work/pack.txt")"
[ -f "$tarball" ] || fail "npm pack wrote no tarball: $(tail -20 "$work/pack.txt")"
tar -tzf "$tarball" >"$work/contents.txt"
progress "npm pack: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) kB, $(wc -l <"$work/contents.txt") files"
grep -qx "package/dist/bin/next-auth-v5-codemod.js" "$work/contents.txt" || fail "the tarball has no dist/bin (prepack did not build)"
grep -qx "package/dist/transforms/legacy-bridge.js" "$work/contents.txt" || fail "the tarball has no dist/transforms"
grep -qx "package/templates/legacy-v4-session.ts" "$work/contents.txt" || fail "the tarball has no session bridge template"
grep -qx "package/MIGRATION.md" "$work/contents.txt" || fail "the tarball has no MIGRATION.md, which its to-dos point to"
tar -xzOf "$tarball" package/README.md >"$work/README.md"
grep -q "package/MIGRATION.md" "$work/README.md" || fail "the packed README does not say where MIGRATION.md is"

mkdir "$work/empty"
(cd "$work/empty" && npm init -y >/dev/null && npm install --no-audit --no-fund --prefer-offline "$tarball" >"$work/install.txt" 2>&1) ||
  fail "installing the tarball failed: $(tail -20 "$work/install.txt")"
progress "installed the tarball into an empty folder"
# As the README shows it; stdin is not a terminal, so without --yes npx would stop at its prompt.
codemod() { (cd "$work/empty" && npx --yes --package="$tarball" next-auth-v5-codemod "$@" </dev/null); }
# The copy installed in the folder (npx --package installs its own copy in npx's cache).
installed() { (cd "$work/empty" && npx --yes next-auth-v5-codemod "$@" </dev/null); }

app="$work/app"
cp -r transforms/__testfixtures__/repos/app-router-route/input "$app"
(cd "$app" && git init -q && git add . && git -c user.email=t@example.com -c user.name=t commit -qm v4)

code=0; codemod scan "$app" --check >"$work/scan.txt" || code=$?
[ "$code" -eq 1 ] || fail "scan --check on a v4 app exited $code, expected 1: $(tail -5 "$work/scan.txt")"
grep -q "getServerSession" "$work/scan.txt" || fail "scan did not list getServerSession"
code=0; installed apply "$app" >/dev/null 2>&1 || code=$?
[ "$code" -eq 2 ] || fail "apply without --all or --step exited $code, expected 2"
codemod apply "$app" --all >"$work/apply.txt" || fail "apply --all failed: $(cat "$work/apply.txt")"
grep -q "signed out at deploy" "$work/apply.txt" && fail "apply warned of a sign-out although it wrote the session bridge"
grep -q "export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)" "$app/src/auth.js" || fail "apply did not write src/auth.js wrapped in the bridge"
grep -q "Written by the next-auth v5 codemod (step 6)" "$app/src/legacy-v4-session.js" || fail "apply did not write the session bridge from the packed template"
grep -q "session bridge:" "$work/apply.txt" || fail "apply's summary does not name the session bridge"
[ -f "$app/NEXT-AUTH-V5-TODO.md" ] || fail "apply did not write NEXT-AUTH-V5-TODO.md"
progress "scan and apply with npx --yes"
echo "pack smoke: ok"
