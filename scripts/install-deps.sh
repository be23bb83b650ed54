#!/usr/bin/env bash
# Install the Debian packages renacer needs to build, test and benchmark.
# Safe to run again: it only calls apt-get when something is missing.
set -eu

pkgs=(
	build-essential pkg-config make
	libelf-dev zlib1g-dev libdw-dev libdwarf-dev libunwind-dev libcmocka-dev
	clang llvm libclang-rt-14-dev libbpf-dev bpftool
	strace python3 python3-numpy python3-sklearn valgrind
	libcap2-bin util-linux procps tmux man-db passwd
)

missing=()
for p in "${pkgs[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
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
