#!/usr/bin/env bash
# Install the Debian packages renacer needs to build, test and benchmark.
# Safe to run again: it only calls apt-get when something is missing.
set -eu

pkgs=(
	build-essential pkg-config make
	libelf-dev zlib1g-dev libdw-dev libdwarf-dev libunwind-dev libcmocka-dev
	clang llvm libclang-rt-14-dev libbpf-dev bpftool
	strace python3 python3-numpy python3-sklearn valgrind chromium
	libcap2-bin util-linux procps tmux man-db passwd
	libmicrohttpd-dev prometheus python3-prometheus-client curl
)

# One dpkg-query for the whole list (make test runs this every time: a query
# per package cost 0.6 s). A package dpkg does not know is not printed at all.
declare -A have=()
while read -r p st; do
	if [ "$st" = "install ok installed" ]; then have[$p]=1; fi
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${pkgs[@]}" 2>/dev/null)
missing=()
for p in "${pkgs[@]}"; do
	[ -n "${have[$p]:-}" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "renacer: installing missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
else
	SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
