"""The production shape on loopback: two gunicorn instances behind nginx, started as children
whose PIDs are kept, and stopped with SIGTERM so every worker writes its buffered counts."""

import http.client
import os
import signal
import socket
import string
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP_SECONDS = 40
READY_SECONDS = 60


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_ready(port, process, path="/healthz"):
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited ({process.returncode}): see its log")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Nothing answered {path} on port {port} within {READY_SECONDS} s")


class Processes:
    """Children by PID; stop() ends them in reverse order of start, each with SIGTERM."""

    def __init__(self, log_dir):
        self.log_dir = log_dir
        self.running = {}

    def start(self, name, command, env=None):
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 (kept open for the child)
        process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        self.running[name] = process
        return process

    def stop(self, name):
        process = self.running.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            message = f"{name} (pid {process.pid}) ignored SIGTERM and was killed"
            raise RuntimeError(message) from None

    def stop_all(self):
        for name in reversed(list(self.running)):
            self.stop(name)

    def pids(self):
        return {name: process.pid for name, process in self.running.items()}


def start_gunicorn(processes, name, port, env):
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    process = processes.start(name, [str(ROOT / ".venv/bin/gunicorn"), "portal.wsgi"], env=env)
    wait_ready(port, process)


def start_nginx(processes, bench_dir, port, app_ports, static_root, media_root):
    directory = bench_dir / "nginx"
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (directory / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    template = string.Template((Path(__file__).parent / "nginx.conf.template").read_text())
    config = directory / "nginx.conf"
    config.write_text(
        template.substitute(
            dir=directory,
            port=port,
            app_port_1=app_ports[0],
            app_port_2=app_ports[1],
            static_root=static_root,
            media_root=media_root,
        )
    )
    command = ["nginx", "-p", str(directory), "-e", str(directory / "error.log"), "-c", str(config)]
    subprocess.run([*command, "-t", "-q"], check=True)  # noqa: S603
    wait_ready(port, processes.start("nginx", command))
