#!/usr/bin/env bash
# Build the image, run it, wait for Docker to call it healthy, fetch a page, stop it. Needs a Docker engine.
set -euo pipefail
cd "$(dirname "$0")/.."
image=rutte-race:smoke
docker build -t "$image" .
container=$(docker run -d -p 127.0.0.1::8501 "$image")
trap 'docker rm -f "$container" >/dev/null' EXIT
[ "$(docker exec "$container" id -u)" != 0 ] || { echo "the app runs as root" >&2; exit 1; }
for _ in $(seq 60); do
  status=$(docker inspect -f '{{.State.Health.Status}}' "$container")
  [ "$status" = healthy ] && break
  [ "$status" = unhealthy ] && { docker logs "$container"; exit 1; }
  sleep 2
done
[ "$status" = healthy ] || { echo "not healthy after 120 s" >&2; docker logs "$container"; exit 1; }
port=$(docker port "$container" 8501 | head -1 | cut -d: -f2)
curl -fsS "http://127.0.0.1:$port/_stcore/health" && echo
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">' && echo "smoke test passed: healthy, serving, not root"
