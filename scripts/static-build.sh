#!/usr/bin/env bash
# Builds the self-contained howto for `make install`: release, Swift runtime and Foundation linked
# statically (--static-swift-stdlib), libcmark from its static archive, symbols stripped. Then checks
# that the binary needs only the C library family, libstdc++, libgcc_s and libz, and prints its size and
# what it is made of (the linker map's bytes per library). Prints nothing else on success.
# Usage: scripts/static-build.sh   (writes .build-static/release/howto and its link map .build-static/howto.map)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-static
mkdir -p "$scratch/pkgconfig"

# libcmark from its static archive: a folder holding only libcmark.a comes first on the library path, so
# `-lcmark` (from libcmark.pc and from the CCmark module map's `link "cmark"`) finds the archive, not the .so.
libdir=$(pkg-config --variable=libdir libcmark)
[[ -f $libdir/libcmark.a ]] || { echo "error: $libdir/libcmark.a is missing (apt-get install libcmark-dev)" >&2; exit 2; }
mkdir -p "$scratch/static-libs"
ln -sf "$libdir/libcmark.a" "$scratch/static-libs/libcmark.a"
sed "s|^Libs:.*|Libs: -L$PWD/$scratch/static-libs -lcmark|" "$(pkg-config --variable=pcfiledir libcmark)/libcmark.pc" > "$scratch/pkgconfig/libcmark.pc"

PKG_CONFIG_PATH=$PWD/$scratch/pkgconfig swift build -c release --scratch-path "$scratch" --product howto \
    --static-swift-stdlib -Xlinker -s -Xlinker "-Map=$PWD/$scratch/link.map" 2>&1 | grep -E 'error|warning: .*link|Compiling|Build complete' | grep -v '^\[' || true
binary=$scratch/release/howto
[[ -x $binary ]] || { echo "error: the release build wrote no $binary" >&2; exit 1; }

# Only these shared libraries may remain: the C library family, the C++ and GCC runtimes, zlib.
allowed='^(linux-vdso\.so|ld-linux-x86-64\.so|libc\.so|libm\.so|libpthread\.so|libdl\.so|librt\.so|libutil\.so|libstdc\+\+\.so|libgcc_s\.so|libz\.so)'
needed=$(ldd "$binary" | awk '{print $1}' | sed 's|^/lib64/||')
unexpected=$(grep -Ev "$allowed" <<< "$needed" || true)
if [[ -n $unexpected ]]; then
    echo "error: $binary still needs shared libraries outside the allowed list:" >&2
    sed 's/^/  /' <<< "$unexpected" >&2
    exit 1
fi

bytes=$(stat -c %s "$binary")
limit=$((100 * 1024 * 1024))
printf '%s: %d MB (%d bytes), needs only: %s\n' "$binary" $((bytes / 1024 / 1024)) "$bytes" "$(tr '\n' ' ' <<< "$needed")"
(( bytes < limit )) || { echo "error: $binary is over 100 MB" >&2; exit 1; }
# Every link of the build writes the map (the plugin's tool is linked too): keep the one of howto's link.
if grep -q '/HowTo.build/' "$scratch/link.map" 2>/dev/null; then cp "$scratch/link.map" "$scratch/howto.map"; fi
[[ -f $scratch/howto.map ]] && scripts/map-summary.sh "$scratch/howto.map"
