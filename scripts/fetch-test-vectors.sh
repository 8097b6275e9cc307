#!/usr/bin/env bash
# Fetches the public AWS SigV4 test suite from botocore's source distribution (PyPI) into
# tests/.cache/aws4_testsuite/, where tests/sign_aws4_suite.rs reads it. Idempotent.
set -euo pipefail

BOTOCORE_VERSION=1.44.5
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/tests/.cache/aws4_testsuite"
PIP="${PIP:-$ROOT/.venv/bin/pip}"
[ -x "$PIP" ] || PIP="python3 -m pip"

if [ -f "$DEST/.botocore-$BOTOCORE_VERSION" ]; then
    exit 0
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
$PIP download --quiet --no-binary :all: --no-deps "botocore==$BOTOCORE_VERSION" -d "$WORK"
tar -xzf "$WORK/botocore-$BOTOCORE_VERSION.tar.gz" -C "$WORK" \
    "botocore-$BOTOCORE_VERSION/tests/unit/auth/aws4_testsuite"
rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
mv "$WORK/botocore-$BOTOCORE_VERSION/tests/unit/auth/aws4_testsuite" "$DEST"
touch "$DEST/.botocore-$BOTOCORE_VERSION"
echo "fetch-test-vectors: AWS SigV4 test suite from botocore $BOTOCORE_VERSION in $DEST"
