"""deploy/nginx.conf, the production nginx site, run for real on free ports."""

import http.client
import os
import shutil
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.servers import free_port

SITE = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
# Run as root (CI), nginx's workers would be "nobody", who cannot read pytest's folders.
WRAPPER = """{user}pid {dir}/nginx.pid;
error_log {dir}/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {dir}/tmp; proxy_temp_path {dir}/tmp; fastcgi_temp_path {dir}/tmp;
    uwsgi_temp_path {dir}/tmp; scgi_temp_path {dir}/tmp;
    include {dir}/site.conf;
}}
"""


def site_config(directory, http_port, https_port, app_port):
    """The production file with this test's ports, folders and a throwaway certificate."""
    live = "/etc/letsencrypt/live/phuvan.example.gov.vn"
    return (
        SITE.read_text()
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
        .replace("listen [::]:80;\n", "")
        .replace("listen [::]:443 ssl http2;\n", "")
        .replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
        .replace("server 127.0.0.1:8001;\n", "")
        .replace(f"{live}/fullchain.pem", str(directory / "cert.pem"))
        .replace(f"{live}/privkey.pem", str(directory / "key.pem"))
        .replace("/srv/portal/", f"{directory}/")
    )


class Node(BaseHTTPRequestHandler):
    """An application node that, like gunicorn by default, names itself in a Server header."""

    server_version = "gunicorn"
    sys_version = ""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def node():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Node)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def nginx(tmp_path_factory, node):
    if not (shutil.which("nginx") and shutil.which("openssl")):
        if os.environ.get("CI"):
            pytest.fail("nginx and openssl are needed in CI (.ci/run installs nginx)")
        pytest.skip("nginx or openssl missing (apt-get install nginx)")
    directory = tmp_path_factory.mktemp("nginx")
    (directory / "tmp").mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",  # noqa: S607
         "/CN=localhost", "-keyout", directory / "key.pem", "-out", directory / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    ports = {"http": free_port(), "https": free_port()}
    (directory / "site.conf").write_text(
        site_config(directory, ports["http"], ports["https"], node)
    )
    (directory / "nginx.conf").write_text(
        WRAPPER.format(dir=directory, user="user root;\n" if os.geteuid() == 0 else "")
    )
    for folder, name, content in [
        ("media", "pictures/ab/photo.jpg", b"\xff\xd8\xff\xe0jpeg"),
        ("media", "pictures/ab/page.html", b"<script>alert(1)</script>"),
        ("static", "site.abc123.css", b"body{color:red}"),
        ("static", "site.abc123.css.gz", b"gzipped bytes"),
    ]:
        path = directory / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    command = ["nginx", "-p", str(directory), "-c", str(directory / "nginx.conf")]
    subprocess.run([*command, "-t", "-q"], check=True)
    process = subprocess.Popen(command)
    wait_for(ports["https"])
    yield ports
    process.terminate()
    process.wait(10)


def wait_for(port):
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not start")


def get(ports, path, **headers):
    context = ssl._create_unverified_context()  # noqa: S323 (the test's own certificate)
    connection = http.client.HTTPSConnection("127.0.0.1", ports["https"], context=context)
    connection.request("GET", path, headers={"Host": "phuvan.example.gov.vn", **headers})
    response = connection.getresponse()
    return response, response.read()


def test_plain_http_is_sent_to_https(nginx):
    connection = http.client.HTTPConnection("127.0.0.1", nginx["http"])
    connection.request("GET", "/tin-tuc/?a=1", headers={"Host": "phuvan.example.gov.vn"})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == "https://phuvan.example.gov.vn/tin-tuc/?a=1"


def test_pictures_are_served_as_pictures_and_nothing_uploaded_as_a_page(nginx):
    picture, _ = get(nginx, "/media/pictures/ab/photo.jpg")
    assert (picture.status, picture.getheader("Content-Type")) == (200, "image/jpeg")
    assert picture.getheader("X-Content-Type-Options") == "nosniff"
    page, _ = get(nginx, "/media/pictures/ab/page.html")
    assert page.getheader("Content-Type") == "application/octet-stream"
    assert "sandbox" in page.getheader("Content-Security-Policy")


def test_static_files_are_served_compressed_and_cached_for_a_year(nginx):
    response, body = get(nginx, "/static/site.abc123.css", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert body == b"gzipped bytes"
    assert "immutable" in response.getheader("Cache-Control")


def test_pages_are_proxied_to_the_application_nodes(nginx):
    response, body = get(nginx, "/")
    assert (response.status, body) == (200, b"ok")


@pytest.mark.parametrize("path", ["/", "/static/site.abc123.css", "/static/missing.css"])
def test_neither_nginx_nor_the_node_tells_its_name_and_version(nginx, path):
    response, body = get(nginx, path)
    assert response.getheader("Server") == "nginx"
    assert b"nginx/" not in body
