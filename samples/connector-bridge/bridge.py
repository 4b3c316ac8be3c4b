#!/usr/bin/env python3
"""A sample bridge between a messenger and Okno's connector API (standard library only).

    OKNO_INBOUND_URL=https://help.example.com/api/v1/channels/42/inbound \
    OKNO_SECRET=<the secret POST /api/v1/channels/connector showed> \
    python3 bridge.py            # listens on :8090

* POST /messenger  -- where the messenger's webhook would call. This sample takes a simple JSON
                      {"chat": "...", "from": {"id": "...", "name": "..."}, "id": "...", "text": "...",
                       "files": [{"name": "...", "type": "...", "url": "..."}], "button": "..."}
                      and forwards it to Okno, signed.
* POST /okno       -- the connector's callback URL: Okno's replies arrive here, signed; the bridge checks the
                      signature and the timestamp, drops repeats by Idempotency-Key, and "sends" the reply on
                      (prints it, or POSTs it to MESSENGER_SEND_URL when set).

The signature in both directions: X-Okno-Signature: sha256=<hex HMAC-SHA256(secret, "{timestamp}.{body}")>,
X-Okno-Timestamp: unix seconds, refused when more than 5 minutes off.
"""
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OKNO_INBOUND_URL = os.environ.get("OKNO_INBOUND_URL", "http://localhost:5000/api/v1/channels/1/inbound")
OKNO_SECRET = os.environ.get("OKNO_SECRET", "")
MESSENGER_SEND_URL = os.environ.get("MESSENGER_SEND_URL")  # where replies go on; unset: printed
PORT = int(os.environ.get("PORT", "8090"))
PREFIX = os.environ.get("USER_PREFIX", "demo:")  # userIds of all connectors share one namespace in Okno
MAX_SKEW = 300

seen_deliveries = {}  # Idempotency-Key -> when; a real bridge keeps these in its database


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), str(timestamp).encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, headers, body: bytes) -> bool:
    try:
        timestamp = int(headers.get("X-Okno-Timestamp", ""))
    except ValueError:
        return False
    if abs(time.time() - timestamp) > MAX_SKEW:
        return False  # an old request replayed
    return hmac.compare_digest(sign(secret, timestamp, body), headers.get("X-Okno-Signature", ""))


def to_okno(update: dict) -> dict:
    """The messenger's message as Okno's connector message."""
    message = {
        "conversationId": str(update["chat"]),
        "userId": PREFIX + str(update["from"]["id"]),
        "userName": update["from"].get("name"),
        "messageId": str(update["id"]),
        "text": update.get("text") or "",
        "attachments": [{"fileName": f.get("name"), "contentType": f.get("type"), "url": f["url"]} for f in update.get("files", [])],
    }
    if update.get("button"):
        message["buttonPayload"] = update["button"]
    return message


def post_to_okno(message: dict) -> tuple:
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    timestamp = int(time.time())
    request = urllib.request.Request(OKNO_INBOUND_URL, data=body, method="POST", headers={
        "Content-Type": "application/json",
        "X-Okno-Timestamp": str(timestamp),
        "X-Okno-Signature": sign(OKNO_SECRET, timestamp, body),
    })
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        # 401: wrong secret or clock; 400: the message (see "detail"); 429: wait Retry-After and send again.
        return e.code, e.read().decode("utf-8")


def send_on(reply: dict) -> str:
    """Hands Okno's reply to the messenger; returns the messenger's id of the sent message."""
    text = reply["text"]
    for f in reply.get("attachments", []):
        text += f"\n[{f['fileName']}: {f['url']}]"
    if MESSENGER_SEND_URL:
        data = json.dumps({"chat": reply.get("conversationId"), "text": text, "buttons": reply.get("buttons", [])}).encode("utf-8")
        request = urllib.request.Request(MESSENGER_SEND_URL, data=data, method="POST", headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
    else:
        print(f"-> {reply.get('conversationId')} ({reply.get('userId')}): {text}", flush=True)
        for b in reply.get("buttons", []):
            print(f"   [{b['label']}] -> {b['payload']}", flush=True)
    return f"sent-{reply['messageId']}"


class Handler(BaseHTTPRequestHandler):
    def _answer(self, status: int, payload: dict):
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/messenger":
            status, answer = post_to_okno(to_okno(json.loads(body)))
            print(f"<- messenger message forwarded: {status} {answer}", flush=True)
            self._answer(200 if status < 300 else 502, {"okno": status})
        elif self.path == "/okno":
            if not verify(OKNO_SECRET, self.headers, body):
                self._answer(401, {"error": "bad signature"})  # a 4xx: Okno does not try again
                return
            key = self.headers.get("Idempotency-Key", "")
            if key in seen_deliveries:
                self._answer(200, {"messageId": seen_deliveries[key]})  # a repeat: already sent
                return
            try:
                sent = send_on(json.loads(body))
            except (urllib.error.URLError, OSError) as e:
                print(f"!! messenger unreachable: {e}", flush=True)
                self._answer(503, {"error": "messenger unreachable"})  # a 5xx: Okno tries again later
                return
            seen_deliveries[key] = sent
            self._answer(200, {"messageId": sent})
        else:
            self._answer(404, {"error": "not found"})

    def log_message(self, *args):
        pass


def self_test():
    """The signature both ways, checked against a known value (no network)."""
    body = b'{"conversationId":"c1","userId":"wa:7999","messageId":"m1","text":"Hello"}'
    assert sign("secret", 1733390000, body) == "sha256=" + hmac.new(b"secret", b"1733390000." + body, hashlib.sha256).hexdigest()
    now = int(time.time())
    assert verify("secret", {"X-Okno-Timestamp": str(now), "X-Okno-Signature": sign("secret", now, body)}, body)
    assert not verify("secret", {"X-Okno-Timestamp": str(now - 600), "X-Okno-Signature": sign("secret", now - 600, body)}, body)
    assert not verify("secret", {"X-Okno-Timestamp": str(now), "X-Okno-Signature": sign("other", now, body)}, body)
    message = to_okno({"chat": 5, "from": {"id": 7, "name": "Anna"}, "id": 9, "text": "Hi", "button": "kb:yes"})
    assert message["userId"] == PREFIX + "7" and message["buttonPayload"] == "kb:yes"
    print("self-test ok")


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        sys.exit(0)
    if not OKNO_SECRET:
        sys.exit("Set OKNO_SECRET (and OKNO_INBOUND_URL).")
    print(f"bridge on :{PORT}; messenger webhook POST /messenger, Okno callback POST /okno -> {OKNO_INBOUND_URL}", flush=True)
    ThreadingHTTPServer(("0.0.0.0", PORT), Handler).serve_forever()
