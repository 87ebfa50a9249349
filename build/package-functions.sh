#!/usr/bin/env bash
# Builds the Lambda function packages Terraform deploys: each function published for linux-x64 as a self-contained,
# trimmed, ReadyToRun single-file `bootstrap` (services/Function.props), zipped alone into terraform/build/<function>.zip.
# The zip is deterministic (fixed timestamp and mode), so filebase64sha256 in Terraform changes only when the
# executable does, and only changed functions are redeployed.
#
# Usage: build/package-functions.sh [function ...]   (default: every function; PACKAGE_DIR overrides the output folder)
set -euo pipefail
cd "$(dirname "$0")/.."

# <function name suffix>:<project under services/>, as terraform/environments/dev deploys them.
functions=(
  "firehose-transformer:Pipeline.FirehoseTransformer"
  "crawler-trigger:Pipeline.CrawlerTrigger"
  "etl-runner:Pipeline.EtlJobRunner"
  "notifier:Pipeline.Notifier"
)

out="${PACKAGE_DIR:-terraform/build}"
mkdir -p "$out"

selected=("$@")
is_selected() {
  [[ ${#selected[@]} -eq 0 ]] && return 0
  local wanted
  for wanted in "${selected[@]}"; do
    [[ "$wanted" == "$1" ]] && return 0
  done
  return 1
}

for wanted in "${selected[@]}"; do
  found=false
  for entry in "${functions[@]}"; do
    [[ "${entry%%:*}" == "$wanted" ]] && found=true
  done
  if [[ "$found" != true ]]; then
    echo "unknown function '$wanted'; known: ${functions[*]%%:*}" >&2
    exit 2
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for entry in "${functions[@]}"; do
  name="${entry%%:*}"
  project="${entry#*:}"
  is_selected "$name" || continue

  echo "==> $name (services/$project)"
  dotnet publish "services/$project" -c Release -r linux-x64 -o "$work/$name" --nologo
  if [[ ! -f "$work/$name/bootstrap" ]]; then
    echo "services/$project did not publish a bootstrap executable" >&2
    exit 1
  fi

  python3 - "$work/$name/bootstrap" "$out/$name.zip" <<'PY'
import sys, zipfile
source, target = sys.argv[1], sys.argv[2]
info = zipfile.ZipInfo("bootstrap", date_time=(1980, 1, 1, 0, 0, 0))
info.external_attr = (0o100755 & 0xFFFF) << 16
info.compress_type = zipfile.ZIP_DEFLATED
with open(source, "rb") as executable, zipfile.ZipFile(target, "w") as package:
    package.writestr(info, executable.read(), compresslevel=9)
PY
  echo "    $out/$name.zip  source_code_hash $(python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha256(open(sys.argv[1], "rb").read()).digest()).decode())' "$out/$name.zip")"
done
