#!/usr/bin/env bash
# Compares unwind-codegen with @open-rpc/generator on this package's corpus: generation time and
# peak memory (GNU time's max RSS) of a TypeScript client per document, and whether it compiles.
# @open-rpc/generator and its clients' dependencies are installed into a temp dir with npm; they
# are never a dependency of this repository. Prints a Markdown table (see README.md).
#
#   bash tools/sdk-proof/compare-open-rpc-generator.sh   (after `pnpm build`)
set -euo pipefail
shopt -s nullglob

here="$(cd "$(dirname "$0")" && pwd)"
cli="$here/../codegen/dist/cli.js"
version="${OPEN_RPC_GENERATOR_VERSION:-1.22.3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/open-rpc-generator-XXXXXX")"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

docs=(
  "metamask-openrpc=$here/node_modules/@metamask/api-specs/dist/build/openrpc.json"
  "metamask-multichain=$here/node_modules/@metamask/api-specs/dist/build/multichain-openrpc.json"
)
for f in "$here"/node_modules/@open-rpc/examples/build/service-descriptions/*${ONLY:-}*.json; do
  name="$(basename "$f" .json)"
  docs+=("open-rpc-${name%-openrpc}=$f")
done
for f in "$here"/corpus/*${ONLY:-}*.json; do # copied from public repositories (README.md)
  docs+=("$(basename "$f" .json)=$f")
done
# Starknet's node API, in its repository's layout (its other documents need --ref-base, which
# @open-rpc/generator has no counterpart for: they are not compared).
case starknet-api in *${ONLY:-}*) docs+=("starknet-api=$here/corpus/starknet/api/starknet_api_openrpc.json") ;; esac

echo "installing @open-rpc/generator@$version into $work" >&2
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "@open-rpc/generator@$version")
generator="$work/node_modules/.bin/open-rpc-generator"
tsc="$here/../../node_modules/.bin/tsc" # the workspace's TypeScript

# The generated clients all depend on the same packages: installed once, linked into each.
first=""

count() { grep -c "$@" || true; }

measure() { # prints "seconds maxrss_mb" of the command (10 minutes at most), its output in $work/log
  /usr/bin/time -f "%e %M" -o "$work/time" timeout 600 "$@" >"$work/log" 2>&1 || return 1
  read -r s kb <"$work/time"
  echo "$s $((kb / 1024))"
}

echo "| document | @open-rpc/generator: time, peak RSS | compiles (the TypeScript its package.json pins) | unwind-codegen: time, peak RSS | compiles (TypeScript $("$tsc" --version | sed "s/Version //"), strict) |"
echo "| --- | --- | --- | --- | --- |"
for entry in "${docs[@]}"; do
  name="${entry%%=*}"
  doc="${entry#*=}"
  out="$work/out/$name"
  theirs="failed"
  their_build="-"
  : >"$work/time"
  if m=$(measure node "$generator" generate -t client -l typescript -n "${name//-/}" -d "$doc" -o "$out"); then
    read -r s mb <<<"$m"
    theirs="$s s, $mb MB"
    pkg="$out/client/typescript"
    if [ -z "$first" ]; then
      first="$pkg"
      # Its dependencies as its package.json gives them, installed today; and the same with the
      # declarations of its time, which its pinned TypeScript can still parse.
      for d in deps deps-2021; do
        node -e '
          const p = require(process.argv[1]);
          const keep = { ...p.dependencies, typescript: p.devDependencies.typescript };
          const pkg = { name: "deps", version: "1.0.0", dependencies: keep };
          if (process.argv[2] === "deps-2021") {
            keep["@types/lodash"] = "4.14.168";
            pkg.overrides = { "@types/node": "14.18.63" };
          }
          process.stdout.write(JSON.stringify(pkg));
        ' "$pkg/package.json" "$d" >"$work/$d.json"
        mkdir -p "$work/$d" && mv "$work/$d.json" "$work/$d/package.json"
        (cd "$work/$d" && npm install --no-audit --no-fund --silent)
      done
    fi
    # `npm run build` as its package.json says (its pinned TypeScript), then with 2021's types.
    ln -s "$work/deps/node_modules" "$pkg/node_modules"
    if (cd "$pkg" && node_modules/.bin/tsc -p . --noEmit >"$work/tsc.log" 2>&1); then
      their_build="yes"
    else
      their_build="no: $(count 'error TS' "$work/tsc.log") errors ($(grep 'error TS' "$work/tsc.log" | count -v 'node_modules/') in its code)"
      rm "$pkg/node_modules" && ln -s "$work/deps-2021/node_modules" "$pkg/node_modules"
      if (cd "$pkg" && node_modules/.bin/tsc -p . --noEmit >"$work/tsc2.log" 2>&1); then
        their_build="$their_build; with 2021's @types: yes"
      else
        their_build="$their_build; with 2021's @types: $(count 'error TS' "$work/tsc2.log") errors ($(grep 'error TS' "$work/tsc2.log" | count -v 'node_modules/') in its code), first: $(grep -m1 -o 'error TS[0-9]*: .\{0,60\}' "$work/tsc2.log" | tr '|' '/' || true)"
      fi
    fi
  else
    theirs="failed$([ -s "$work/time" ] && awk 'END { printf " after %s s, %d MB", $1, $2 / 1024 }' "$work/time"): $(grep -m1 -iE 'heap out of memory|error' "$work/log" | cut -c1-80 | tr '|' '/' || tail -n 1 "$work/log" | cut -c1-80)"
  fi
  ours="failed"
  our_build="-"
  mine="$work/unwind/$name"
  : >"$work/time"
  if m=$(measure node "$cli" --spec "$doc" --target client --package "@corpus/$name" --out "$mine"); then
    read -r s mb <<<"$m"
    ours="$s s, $mb MB"
    # The runtime package resolves from the workspace: link it, and TypeScript from codegen's tree.
    mkdir -p "$mine/node_modules/@unwind"
    ln -s "$here/node_modules/@unwind/client" "$mine/node_modules/@unwind/client"
    ln -s "$here/../../node_modules/@types" "$mine/node_modules/@types"
    if (cd "$mine" && "$tsc" -p . --noEmit >"$work/tsc.log" 2>&1); then
      our_build="yes"
    else
      our_build="no ($(count 'error TS' "$work/tsc.log") errors)"
    fi
  else
    ours="failed: $(tail -n 1 "$work/log" | cut -c1-80 | tr '|' '/')"
  fi
  echo "| \`$name\` | $theirs | $their_build | $ours | $our_build |"
done
