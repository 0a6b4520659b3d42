#!/usr/bin/env bash
# Regenerates core/src/main/resources/dev/secreview/core/cwe/cwe-catalog.tsv from
# the MITRE CWE XML archive shipped inside the npm package cwe-sdk.
#
#   tools/cwe-catalog/generate.sh                 # uses cwe-sdk@1.1.19 (CWE 4.15)
#   CWE_SDK_VERSION=x.y.z tools/cwe-catalog/generate.sh
#   CWE_XML=/path/to/cwec_vX.Y.xml tools/cwe-catalog/generate.sh   # skip npm, use a local archive
#
# Needs: java 17+ (single-file source launch); npm + tar unless CWE_XML is given.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
res_dir="$root/core/src/main/resources/dev/secreview/core/cwe"
out="$res_dir/cwe-catalog.tsv"
notice="$res_dir/NOTICE-CWE.txt"
sdk_version="${CWE_SDK_VERSION:-1.1.19}"
# sha512 integrity of cwe-sdk 1.1.19 as published on registry.npmjs.org
expected_integrity="sha512-pCmiSmBV2/QOPh3I12VnNZXbTZTdCk2H2oW05phN7APXHvyA7hF7qifzBp7RFVEaBJcOjlfsgcUZz7jSzDStGA=="

work="$(mktemp -d "${TMPDIR:-/tmp}/cwe-catalog.XXXXXX")"
cleanup() { rm -rf -- "$work"; }
trap cleanup EXIT

if [[ -n "${CWE_XML:-}" ]]; then
  xml="$CWE_XML"
else
  echo "fetching cwe-sdk@$sdk_version ..." >&2
  (cd "$work" && npm pack --silent "cwe-sdk@$sdk_version" >/dev/null)
  tgz="$work/cwe-sdk-$sdk_version.tgz"
  if [[ "$sdk_version" == "1.1.19" ]]; then
    actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
    if [[ "$actual" != "$expected_integrity" ]]; then
      echo "integrity mismatch for $tgz: $actual" >&2
      exit 1
    fi
  fi
  tar -xzf "$tgz" -C "$work" package/raw/cwe-archive.xml
  xml="$work/package/raw/cwe-archive.xml"
fi

echo "source: $xml ($(sha256sum "$xml" | cut -d' ' -f1))" >&2
mkdir -p "$res_dir"
java "$here/CweCatalogGenerator.java" "$xml" "$work/cwe-catalog.tsv"
mv -f "$work/cwe-catalog.tsv" "$out"

version="$(sed -n 's/^# version: //p' "$out" | head -n1)"
echo "wrote $out ($(wc -l <"$out") lines, $(wc -c <"$out") bytes), CWE $version" >&2
if [[ ! -f "$notice" ]] || ! grep -q "CWE List version $version" "$notice"; then
  echo "WARNING: $notice does not name CWE List version $version; update it by hand" \
       "(it carries MITRE's Terms of Use text, which is not part of the XML archive)." >&2
fi
