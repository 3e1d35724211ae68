"""`python -m deploy.replicas [--replicas K] [--port P]`: K app processes behind HAProxy, with sticky sessions.

Streamlit keeps each reader's session in the memory of the process that serves its websocket, and download
buttons fetch their files from that same process; so every request of a reader must reach one replica.
HAProxy (Debian's `haproxy`) balances new readers to the replica with the fewest connections, sets a cookie
naming that replica, and sends the reader's later requests (the websocket included) there. When a replica's
health check fails, a reader whose cookie names it is sent to a live one (`option redispatch`), where the
page reconnects and rebuilds its view from the URL.
"""

import argparse
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from deploy.local_server import free_port, start_app, stop_app, wait_until_healthy

COOKIE = "rutte_replica"
HERE = Path(__file__).resolve().parent
CONFIG = """\
global
    log stdout format raw local0  # one line per request and every replica's ups and downs, into haproxy.log
    maxconn 4096  # readers at once, admitted or waiting; each holds two connections, \
and the open-file limit must allow both

defaults
    mode http
    log global
    option httplog
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    timeout queue {queue_seconds}s  # how long a reader waits for a free session before the busy page
    option redispatch
    retries 3
    # A replica killed mid-request may accept a connection and drop it: retry that too (on another replica).
    retry-on conn-failure empty-response response-timeout
    errorfile 503 {busy_page}

frontend readers
    bind {address}:{port}
    # New connections per client address: past {new_connections} in 10 s, the balancer answers with its own page.
    stick-table type ip size 100k expire 60s store conn_rate(10s)
    tcp-request connection track-sc0 src
    errorfile 429 {slow_down_page}
    http-request deny deny_status 429 if {{ sc0_conn_rate gt {new_connections} }}
    acl session path_end /_stcore/stream
    acl asset path_beg /_stcore/ /static/ /app/static/ /media/ /component/
    # Every session slot taken and readers already waiting: a new page load gets the busy page at once.
    http-request deny deny_status 503 if !session !asset {{ queue(sessions) gt 0 }}
    use_backend sessions if session
    default_backend replicas

# The readers' websockets, one per session: at most {sessions_per_replica} per replica; the next ones wait in the queue.
backend sessions
    balance leastconn
    cookie {cookie} insert indirect nocache httponly
    http-response set-header X-Replica %s
{session_servers}

# Everything else (pages, scripts, downloads), on the replica the reader's cookie names.
backend replicas
    balance leastconn
    cookie {cookie} insert indirect nocache httponly
    option httpchk GET /_stcore/health
    http-check expect status 200
    # A dead replica refuses the check at once; a busy one may take seconds to answer and is not down.
    timeout check 5s
    default-server check inter 2s fall 2 rise 2
    http-response set-header X-Replica %s
{servers}
"""


@dataclass
class Cluster:
    url: str
    replicas: dict[str, subprocess.Popen] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)  # each replica's own local port
    balancer: subprocess.Popen | None = None

    def stop(self) -> None:
        if self.balancer is not None:
            stop_app(self.balancer)
        for process in self.replicas.values():
            if process.poll() is None:
                stop_app(process)


@dataclass(frozen=True)
class Limits:
    """What one reader, one address and one replica may take (see docs/DEPLOY.md for how they were chosen)."""

    sessions_per_replica: int = 60  # websockets at once per app process
    queue_seconds: int = 10  # a reader beyond them waits this long for a free one, then gets the busy page
    new_connections: int = 60  # per client address in 10 s; a browser opening the app uses about 10


LIMITS = Limits()


def haproxy_config(address: str, port: int, replica_ports: dict[str, int], limits: Limits = LIMITS) -> str:
    servers = "\n".join(f"    server {name} 127.0.0.1:{p} cookie {name}" for name, p in replica_ports.items())
    # The sessions backend follows the health checks of the replicas backend (track) instead of checking again.
    session_servers = "\n".join(
        f"    server {name} 127.0.0.1:{p} cookie {name} maxconn {limits.sessions_per_replica} track replicas/{name}"
        for name, p in replica_ports.items()
    )
    return CONFIG.format(
        address=address,
        port=port,
        cookie=COOKIE,
        servers=servers,
        session_servers=session_servers,
        queue_seconds=limits.queue_seconds,
        new_connections=limits.new_connections,
        sessions_per_replica=limits.sessions_per_replica,
        busy_page=HERE / "busy.http",
        slow_down_page=HERE / "slow-down.http",
    )


def start_cluster(
    replicas: int,
    work_dir: Path,
    port: int | None = None,
    address: str = "127.0.0.1",
    script: str = "app.py",
    env: dict | None = None,
    limits: Limits = LIMITS,
) -> Cluster:
    """Start `replicas` app processes and HAProxy in front of them; returns once the balancer serves the app."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).is_file():
        raise RuntimeError("haproxy is not installed (Debian: apt-get install haproxy)")
    cluster = Cluster(url=f"http://{address}:{port or free_port()}")
    try:
        ports = {}
        for i in range(1, replicas + 1):
            name = f"r{i}"
            process, url = start_app(script, work_dir / f"{name}.log", env=env)
            cluster.replicas[name], ports[name] = process, int(url.rsplit(":", 1)[1])
        cluster.ports = ports
        config = work_dir / "haproxy.cfg"
        config.write_text(haproxy_config(address, int(cluster.url.rsplit(":", 1)[1]), ports, limits))
        check = subprocess.run([haproxy, "-c", "-q", "-f", str(config)], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"haproxy refused its config: {check.stderr}")
        with (work_dir / "haproxy.log").open("w") as log:
            cluster.balancer = subprocess.Popen(
                [haproxy, "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT
            )
        wait_until_healthy(cluster.url, cluster.balancer, work_dir / "haproxy.log", name="haproxy", timeout=30)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0].split(": ", 1)[1])
    parser.add_argument("--replicas", type=int, default=2, help="app processes to start (default 2; one per core)")
    parser.add_argument("--port", type=int, default=8500, help="the balancer's port (default 8500)")
    parser.add_argument(
        "--address", default="127.0.0.1", help="the balancer's address (0.0.0.0 to serve other machines)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rutte-replicas-") as work:
        cluster = start_cluster(args.replicas, Path(work), args.port, args.address)
        print(
            f"{args.replicas} replicas behind HAProxy: {cluster.url} (logs in {work}); Ctrl-C stops them all",
            flush=True,
        )
        try:
            signal.sigwait({signal.SIGINT, signal.SIGTERM})
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
