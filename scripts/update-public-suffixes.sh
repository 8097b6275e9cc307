#!/usr/bin/env bash
# Refreshes src/fill/public_suffixes.txt (the ASCII rules of the public suffix list, which the core's
# console-host check reads) from Debian's `publicsuffix` package. IDN rules are left out: the core
# refuses IDN hosts before it looks a suffix up.
set -euo pipefail
cd "$(dirname "$0")/.."
list=/usr/share/publicsuffix/public_suffix_list.dat
[ -f "$list" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq publicsuffix >/dev/null; }
version=$(dpkg-query -W -f '${Version}' publicsuffix)
{
  echo "// The public suffix list (https://publicsuffix.org/, MPL-2.0), ASCII rules only, from Debian's"
  echo "// publicsuffix $version. Refresh with scripts/update-public-suffixes.sh."
  grep -v '^//' "$list" | sed 's/[[:space:]]*$//' | grep -v '^$' | LC_ALL=C grep -v '[^ -~]'
} > src/fill/public_suffixes.txt
wc -l src/fill/public_suffixes.txt
