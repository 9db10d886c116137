#!/usr/bin/env bash
# Installs every Debian 12 package the workstation needs to build, test and run. Idempotent: packages already
# present are left alone, and apt is only asked when something is missing.
set -euo pipefail

BUILD_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libgl-dev
    libopencv-dev libsqlcipher-dev sqlcipher libboost-log-dev libssl-dev
    fonts-dejavu-core ccache
    ffmpeg
    postgresql-15 libpq-dev
)
# The sanitizer suite and the fuzzers (setup.sh test): clang with its ASan/UBSan runtimes and libFuzzer.
SANITIZER_PACKAGES=(clang-14 libclang-rt-14-dev)
# Screenshots for the docs (xvfb-run + ImageMagick's import) and PDF pages to PNG (pdftoppm).
DOC_PACKAGES=(xvfb xauth imagemagick poppler-utils)
# Retraining the recognition model (tools/engine); not needed to build or test.
TRAINING_PACKAGES=(python3-torch python3-onnx python3-opencv python3-numpy)

wanted=("${BUILD_PACKAGES[@]}")
case "${1:-}" in
    --with-sanitizers) wanted+=("${SANITIZER_PACKAGES[@]}") ;;
    --with-docs) wanted+=("${DOC_PACKAGES[@]}") ;;
    --with-training) wanted+=("${DOC_PACKAGES[@]}" "${TRAINING_PACKAGES[@]}") ;;
    "") ;;
    *) echo "usage: $0 [--with-sanitizers|--with-docs|--with-training]" >&2; exit 1 ;;
esac

missing=()
for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#wanted[@]} packages present"
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
