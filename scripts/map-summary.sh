#!/usr/bin/env bash
# What a linked binary is made of: sums the input sections of its linker map (GNU gold or ld) that the
# file holds (not debug information, not zero-filled, not discarded) per library or module, and prints the
# largest, biggest first.
# Usage: scripts/map-summary.sh MAP [TOP]
set -euo pipefail
map=$1 top=${2:-12}
awk '
    function hex(s,    i, c, v) { v = 0; s = tolower(substr(s, 3)); for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)) - 1; v = v * 16 + c }; return v }
    /^(Linker script and memory map|Memory map)$/ { on = 1; next }
    !on { next }
    /^[^ ]/ { split($0, f, " "); out = f[1]; next }           # an output section: .text, .rodata, .debug_info, ...
    out ~ /^(\.debug|\.comment|\.note|\/DISCARD\/|\.gnu_debug|\.bss|\.tbss)/ { next }   # not in the file
    {
        # an input section: " .name 0xADDR 0xSIZE FILE", or its address, size and file on the next line.
        n = split($0, f, " ")
        if (n < 3 || f[n-1] !~ /^0x/ || f[n-2] !~ /^0x/) next
        file = f[n]; size = hex(f[n-1])
        if (file ~ /\.a\(/) { sub(/\(.*/, "", file); sub(/.*\//, "", file) }             # lib.a(member.o) -> lib.a
        else if (file ~ /\.build\/[^\/]*\.o$/ || file ~ /\.build\//) { sub(/\.build\/.*/, "", file); sub(/.*\//, "", file) }  # Module.build/x.o -> Module
        else sub(/.*\//, "", file)
        bytes[file] += size; total += size
    }
    END {
        for (k in bytes) printf "%d %s\n", bytes[k], k
        printf "%d TOTAL\n", total
    }
' "$map" | sort -rn | awk -v top="$top" '
    $2 == "TOTAL" { total = $1; next }
    { rows[++n] = $0 }
    END {
        printf "made of (bytes in the file, from the link map, %.1f MB in all):\n", total / 1048576
        rest = total
        for (i = 1; i <= n && i <= top; i++) { split(rows[i], r, " "); printf "  %7.1f MB  %5.1f%%  %s\n", r[1] / 1048576, 100 * r[1] / total, r[2]; rest -= r[1] }
        if (n > top) printf "  %7.1f MB  %5.1f%%  %d others\n", rest / 1048576, 100 * rest / total, n - top
    }'
