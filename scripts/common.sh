# Shared by scripts/run-example and scripts/run-tests: install what is missing, configure, build.
# Idempotent: when everything is installed and built, it checks and returns in seconds.
set -euo pipefail

CITYFIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Every Debian package the build and the tests need (clang: the fuzz target); nothing is assumed to
# be on the machine.
CITYFIN_PACKAGES=(
  cmake ninja-build g++ make
  libquantlib0-dev libboost-dev libboost-program-options-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev libxlsxwriter-dev gnumeric fonts-noto-cjk
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n xvfb xauth
)

cityfin_install_packages() {
  local missing=() pkg
  for pkg in "${CITYFIN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "cityfin: missing Debian packages: ${missing[*]}" >&2
    echo "cityfin: run this script as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "cityfin: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# cityfin_build <build-dir> [cmake options...]
cityfin_build() {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$CITYFIN_ROOT" -B "$dir" -G Ninja "$@"
  fi
  cmake --build "$dir" --parallel "$(nproc)"
}
