#!/usr/bin/env bash
# Installs the Node tools the cross-engine tests use into .tools/node/ (gitignored):
#   node@22 (the npm "node" package ships a Node 22 binary; aws-local-stepfunctions 3 needs Node >= 22),
#   aws-local-stepfunctions@3.0.0 (the independent engine) and asl-validator (definition checks).
# Idempotent: when the stamp matches and the binary runs, it returns at once.
# Result: .tools/node/bin/node and .tools/node/node_modules/{aws-local-stepfunctions,asl-validator}.
set -euo pipefail

repo_dir="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$repo_dir/.tools/node"
node_bin="$prefix/bin/node"
# One place for the versions; changing them reinstalls.
packages=(node@22 aws-local-stepfunctions@3.0.0 asl-validator@4.0.0)
stamp="$prefix/.installed"
wanted="${packages[*]}"

is_installed() {
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && [ -x "$node_bin" ] \
    && "$node_bin" --version 2>/dev/null | grep -q '^v22\.' \
    && [ -f "$prefix/node_modules/aws-local-stepfunctions/package.json" ] \
    && [ -f "$prefix/node_modules/asl-validator/package.json" ]
}

if is_installed; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "setup-node: npm is not installed; install Node.js/npm (any version) so it can fetch Node 22 into .tools/node" >&2
  exit 1
fi

echo "setup-node: installing ${wanted} into ${prefix#"$repo_dir"/}" >&2
mkdir -p "$prefix"
# A private package.json keeps npm from walking up into a parent project.
if [ ! -f "$prefix/package.json" ]; then
  printf '{\n  "name": "crawlseq-node-tools",\n  "private": true\n}\n' > "$prefix/package.json"
fi
npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "${packages[@]}" >&2

# The "node" package fetches its binary in a preinstall script; npm versions that hold back install
# scripts leave it missing, so run that step explicitly when needed.
real_node="$prefix/node_modules/node/bin/node"
if [ ! -x "$real_node" ] || ! "$real_node" --version >/dev/null 2>&1; then
  (cd "$prefix/node_modules/node" && node installArchSpecificPackage) >&2
fi

mkdir -p "$prefix/bin"
ln -sfn ../node_modules/node/bin/node "$node_bin"
if ! "$node_bin" --version | grep -q '^v22\.'; then
  echo "setup-node: $node_bin is not Node 22 ($("$node_bin" --version 2>&1))" >&2
  exit 1
fi
echo "$wanted" > "$stamp"
echo "setup-node: ready ($("$node_bin" --version))" >&2
