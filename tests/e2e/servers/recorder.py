"""Shared by the local stand-in servers of the key-check e2e tests: a WSGI middleware that writes
every request it serves (method, path, query, headers, body) as one JSON line, so a test can assert
what the browser sent, and the start-up handshake the test's launcher reads."""

import io
import json
import sys
import threading
import time

from werkzeug.serving import WSGIRequestHandler, make_server


class Recorder:
    def __init__(self, app, log_path):
        self.app = app
        self.log_path = log_path
        self.enabled = True
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        if self.enabled:
            headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
            if environ.get("CONTENT_TYPE"):
                headers["content-type"] = environ["CONTENT_TYPE"]
            entry = {
                "method": environ["REQUEST_METHOD"],
                "path": environ.get("PATH_INFO", ""),
                "query": environ.get("QUERY_STRING", ""),
                "headers": headers,
                "body": body.decode("utf-8", "replace"),
            }
            with self.lock, open(self.log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps(entry) + "\n")
        return self.app(environ, start_response)


def serve(app, port, log_path, ready_info, before_ready=None, clock_offset=0):
    """Serves `app` on 127.0.0.1:`port` (0: any free port), runs `before_ready(url)` (setup calls, not
    recorded), then prints `{"url", ...ready_info}` as the one line the launcher waits for. The `Date`
    header of every answer is `clock_offset` seconds ahead of the real time."""

    class Handler(WSGIRequestHandler):
        def date_time_string(self, timestamp=None):
            return super().date_time_string((timestamp or time.time()) + clock_offset)

    recorder = Recorder(app, log_path)
    server = make_server("127.0.0.1", port, recorder, threaded=True, request_handler=Handler)
    url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    info = dict(ready_info)
    if before_ready:
        recorder.enabled = False
        info.update(before_ready(url) or {})
        recorder.enabled = True
    print(json.dumps({"url": url, **info}), flush=True)
    try:
        sys.stdin.read()  # the launcher closes stdin (or dies): then stop
    finally:
        server.shutdown()
