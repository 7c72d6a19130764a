#!/usr/bin/env bash
# Benchmarks the mock Vault:
#   1. start-up time of `howto mock vault` to the first answered request (median of $STARTS starts);
#   2. KV v2 read throughput with wrk against the mock and, when .venv/bin/bao exists, against `bao server -dev`.
# Usage: bench/vault.sh            (uses .build-release/release/howto, building it if missing)
#        HOWTO_BIN=.build/debug/howto bench/vault.sh   (use an existing binary)
# Knobs: STARTS (7), DURATION (5s), THREADS (2), CONNECTIONS (16), PORT (18200), BAO_PORT (18210).
set -euo pipefail
cd "$(dirname "$0")/.."

STARTS=${STARTS:-7}
DURATION=${DURATION:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18200}
BAO_PORT=${BAO_PORT:-18210}
BAO=${BAO:-.venv/bin/bao}

if [ -z "${HOWTO_BIN:-}" ]; then
    # The release build every bench script shares (bench/site.sh, verify.sh, runner.sh).
    HOWTO_BIN=.build-release/release/howto
    if [ ! -x "$HOWTO_BIN" ]; then
        echo "building howto (release, about 9 minutes)..." >&2
        swift build -c release --scratch-path .build-release --product howto >&2
    fi
fi
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 2; }

PIDS=()
cleanup() { for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_ready() { # url
    for _ in $(seq 1 500); do
        if curl -fsS -o /dev/null "$1/v1/sys/health" 2>/dev/null; then return 0; fi
        sleep 0.02
    done
    echo "server at $1 did not become ready" >&2
    return 1
}

# 1. Start-up: spawn, poll the port every millisecond until /v1/sys/health answers 200, stop with SIGTERM.
startup_ms=$(python3 - "$HOWTO_BIN" "$PORT" "$STARTS" <<'PY'
import socket, subprocess, sys, time, statistics
binary, port, starts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
request = b"GET /v1/sys/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
samples = []
for _ in range(starts):
    t0 = time.perf_counter()
    proc = subprocess.Popen([binary, "mock", "vault", "--listen", f"127.0.0.1:{port}", "--root-token", "root"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    answered = None
    while time.perf_counter() - t0 < 10:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                s.sendall(request)
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    answered = time.perf_counter()
                    break
        except OSError:
            time.sleep(0.001)
    proc.terminate()
    code = proc.wait(timeout=10)
    if answered is None or code != 0:
        sys.exit(f"start {len(samples) + 1}: no answer or exit code {code}")
    samples.append((answered - t0) * 1000)
print(f"{statistics.median(samples):.1f}")
PY
)
echo "mock start-up to first answered request: ${startup_ms} ms (median of ${STARTS})"

seed() { # url
    curl -fsS -o /dev/null -X PUT -H "X-Vault-Token: root" -d '{"data":{"pass1":"my-password"}}' "$1/v1/secret/data/password"
}

throughput() { # url -> requests/s
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "X-Vault-Token: root" "$1/v1/secret/data/password" \
        | awk '/Requests\/sec:/ { print $2 }'
}

# 2. KV v2 read throughput, mock.
"$HOWTO_BIN" mock vault --listen "127.0.0.1:$PORT" --root-token root >/dev/null 2>&1 &
PIDS+=($!)
wait_ready "http://127.0.0.1:$PORT"
seed "http://127.0.0.1:$PORT"
mock_rps=$(throughput "http://127.0.0.1:$PORT")
kill -TERM "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
echo "mock KV v2 read: ${mock_rps} requests/s"

# 3. The same against bao server -dev, when available.
if [ -x "$BAO" ]; then
    "$BAO" server -dev -dev-root-token-id=root -dev-listen-address="127.0.0.1:$BAO_PORT" >/dev/null 2>&1 &
    PIDS+=($!)
    wait_ready "http://127.0.0.1:$BAO_PORT"
    seed "http://127.0.0.1:$BAO_PORT"
    bao_rps=$(throughput "http://127.0.0.1:$BAO_PORT")
    kill -TERM "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
    echo "bao  KV v2 read: ${bao_rps} requests/s"
    awk -v m="$mock_rps" -v b="$bao_rps" 'BEGIN { printf "ratio mock/bao: %.2fx (target >= 2x)\n", m / b }'
else
    echo "($BAO not found: skipping the bao comparison)"
fi
