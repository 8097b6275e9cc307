#!/usr/bin/env bash
# Fetches the public AWS SigV4 test suites into tests/.cache/, where tests/sign_aws4_suite.rs reads
# them. Idempotent; only package registries are contacted.
# - aws4_testsuite/: AWS's original suite (header form), from botocore's source distribution (PyPI).
# - aws-signing-test-suite/: AWS's newer CRT suite (header and presigned forms, with canonical
#   requests), as the aws-sigv4 crate ships it (crates.io; checksum from the crates.io index).
set -euo pipefail

BOTOCORE_VERSION=1.44.5
AWS_SIGV4_VERSION=1.3.6
AWS_SIGV4_SHA256=c35452ec3f001e1f2f6db107b6373f1f48f05ec63ba2c5c9fa91f07dad32af11
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="$ROOT/tests/.cache"
PIP="${PIP:-$ROOT/.venv/bin/pip}"
[ -x "$PIP" ] || PIP="python3 -m pip"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$CACHE"

# install_into DEST MARKER SOURCE_DIR: moves SOURCE_DIR to DEST and leaves MARKER in it.
install_into() {
    rm -rf "$1"
    mv "$3" "$1"
    touch "$1/$2"
    echo "fetch-test-vectors: $1 ($2)"
}

dest="$CACHE/aws4_testsuite"
if [ ! -f "$dest/.botocore-$BOTOCORE_VERSION" ]; then
    $PIP download --quiet --no-binary :all: --no-deps "botocore==$BOTOCORE_VERSION" -d "$WORK"
    tar -xzf "$WORK/botocore-$BOTOCORE_VERSION.tar.gz" -C "$WORK" \
        "botocore-$BOTOCORE_VERSION/tests/unit/auth/aws4_testsuite"
    install_into "$dest" ".botocore-$BOTOCORE_VERSION" \
        "$WORK/botocore-$BOTOCORE_VERSION/tests/unit/auth/aws4_testsuite"
fi

dest="$CACHE/aws-signing-test-suite"
if [ ! -f "$dest/.aws-sigv4-$AWS_SIGV4_VERSION" ]; then
    crate="$WORK/aws-sigv4.crate"
    curl -sSfL --retry 3 -o "$crate" \
        "https://static.crates.io/crates/aws-sigv4/aws-sigv4-$AWS_SIGV4_VERSION.crate"
    echo "$AWS_SIGV4_SHA256  $crate" | sha256sum --check --quiet
    tar -xzf "$crate" -C "$WORK" "aws-sigv4-$AWS_SIGV4_VERSION/aws-signing-test-suite/v4"
    install_into "$dest" ".aws-sigv4-$AWS_SIGV4_VERSION" \
        "$WORK/aws-sigv4-$AWS_SIGV4_VERSION/aws-signing-test-suite/v4"
fi
