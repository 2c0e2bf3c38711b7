#!/usr/bin/env bash
# Rebuilds templates/icc/FOGRA39-ocindex.icc, the CMYK output profile embedded in press PDFs, from the
# FOGRA39 characterization data of Debian's icc-profiles-free (Zlib licence) with ArgyllCMS's colprof.
# Needs (Debian): apt-get install -y argyll icc-profiles-free. Run time and CI use the committed file only.
# Never use Ghostscript's bundled CMYK profiles instead: they are AGPL.
set -euo pipefail
cd "$(dirname "$0")/.."
ti3=/usr/share/color/icc/FOGRA39L.ti3
out=templates/icc/FOGRA39-ocindex.icc
command -v colprof >/dev/null || { echo "colprof not found: apt-get install -y argyll" >&2; exit 2; }
[ -r "$ti3" ] || { echo "$ti3 not found: apt-get install -y icc-profiles-free" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ti3" "$work/FOGRA39.ti3"
# -qm medium quality; -kr -l300 -L95: K generation and ink limits of ISO coated v2 (FOGRA39), 300% total ink;
# -D/-C: description and copyright inside the profile.
colprof -v -qm -kr -l300 -L95 \
  -D "Coated FOGRA39 (ocindex-profiles build of FOGRA39L.ti3)" \
  -C "Built with ArgyllCMS colprof from FOGRA39L.ti3 (icc-profiles-free, Zlib licence)" \
  "$work/FOGRA39" >"$work/colprof.log"
cp "$work/FOGRA39.icc" "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
