"""Serve a built site on 127.0.0.1: for the link check, the browser tests and the benchmark's browser
measures. The one local server of the project; tests/browser/conftest.py serves the demo site with it."""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built site as if it were published at this server's address, without logging every
    request.

    Material's instant navigation only intercepts links to pages listed in sitemap.xml, whose URLs
    carry the published `site_url`; it keeps their path and swaps only scheme and host name. So the
    sitemap is served with the published root replaced by this server's root, as the real host would
    have it.
    """

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0] != "/sitemap.xml":
            super().do_GET()
            return
        body = rebased_sitemap(Path(self.directory) / "sitemap.xml", self.headers["Host"]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def rebased_sitemap(path: Path, host: str) -> str:
    """The sitemap with its root URL (the home page's, the shortest) replaced by http://host/."""
    text = path.read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    if not locs:
        return text
    return text.replace(min(locs, key=len), f"http://{host}/")


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (an ephemeral port) in a thread; yield its base URL, ending in '/'."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
