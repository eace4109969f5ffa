"""Tests for skill.verify: Amazon's request verification, with real cryptography and no network."""

from __future__ import annotations

import base64
import http.server
import json
import socket
import threading
import urllib.error
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import EnvironHeaders

from skill import verify as verify_module
from skill.verify import VerificationError, Verifier, check_cert_url

NOW = datetime(2026, 11, 21, 8, 19, 21, tzinfo=timezone.utc)
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000001"
OTHER_SKILL_ID = "amzn1.ask.skill.99999999-9999-9999-9999-999999999999"
BASE_URL = "https://s3.amazonaws.com/echo.api/"
GOOD_URL = BASE_URL + "echo-api-cert.pem"
AMAZON_DIR = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "amazon-echo-api"


# -- a small PKI ---------------------------------------------------------------------------------


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_ca(common_name: str, key: rsa.RSAPrivateKey) -> x509.Certificate:
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=365))
        .not_valid_after(NOW + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def make_leaf(
    issuer_key: rsa.RSAPrivateKey,
    issuer: x509.Certificate,
    key: rsa.RSAPrivateKey,
    *,
    san: str = "echo-api.amazon.com",
    not_before: datetime = NOW - timedelta(days=30),
    not_after: datetime = NOW + timedelta(days=365),
) -> x509.Certificate:
    return (
        x509.CertificateBuilder()
        .subject_name(_name(san))
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=True,
                data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
        )
        .sign(issuer_key, hashes.SHA256())
    )


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


@dataclass
class PKI:
    ca_key: rsa.RSAPrivateKey
    ca: x509.Certificate
    leaf_key: rsa.RSAPrivateKey
    leaf: x509.Certificate
    rogue_ca_key: rsa.RSAPrivateKey
    rogue_ca: x509.Certificate

    def chain(self, **leaf_options: Any) -> bytes:
        """A PEM chain (leaf first, then the CA) for a leaf signed by the trusted CA."""
        leaf = make_leaf(self.ca_key, self.ca, self.leaf_key, **leaf_options) if leaf_options else self.leaf
        return pem(leaf, self.ca)


@pytest.fixture(scope="module")
def pki() -> PKI:
    ca_key, leaf_key, rogue_key = _key(), _key(), _key()
    ca = make_ca("Back Pop Test Root CA", ca_key)
    return PKI(
        ca_key=ca_key,
        ca=ca,
        leaf_key=leaf_key,
        leaf=make_leaf(ca_key, ca, leaf_key),
        rogue_ca_key=rogue_key,
        rogue_ca=make_ca("Rogue Root CA", rogue_key),
    )


class FakeFetch:
    """A dict-backed stand-in for the download; counts calls per URL."""

    def __init__(self, pages: dict[str, bytes]):
        self.pages = dict(pages)
        self.calls: Counter[str] = Counter()

    def __call__(self, url: str) -> bytes:
        self.calls[url] += 1
        if url not in self.pages:
            raise OSError(f"404 {url}")
        return self.pages[url]


def make_verifier(pki: PKI, pages: dict[str, bytes] | None = None, **options: Any) -> Verifier:
    options.setdefault("fetch", FakeFetch({GOOD_URL: pki.chain()} if pages is None else pages))
    options.setdefault("now", lambda: NOW)
    options.setdefault("roots", [pki.ca])
    return Verifier(**options)


# -- requests ------------------------------------------------------------------------------------


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(
    *, timestamp: Any = None, kind: str = "LaunchRequest", app_id: str | None = SKILL_ID
) -> dict[str, Any]:
    env: dict[str, Any] = {
        "version": "1.0",
        "context": {"System": {"application": {"applicationId": app_id}}},
        "request": {"type": kind, "requestId": "amzn1.echo-api.request.1",
                    "timestamp": iso(NOW) if timestamp is None else timestamp},
    }
    if app_id is None:
        del env["context"]["System"]["application"]
    return env


def signed_request(
    key: rsa.RSAPrivateKey,
    env: dict[str, Any] | None = None,
    *,
    url: str = GOOD_URL,
    url_header: str = "SignatureCertChainUrl",
    signature_header: str = "Signature-256",
) -> tuple[dict[str, str], bytes, dict[str, Any]]:
    """Build (headers, raw body, parsed envelope) signed with *key* the way Alexa does."""
    env = envelope() if env is None else env
    body = json.dumps(env).encode()
    signature = key.sign(body, padding.PKCS1v15(), hashes.SHA256())
    headers = {url_header: url, signature_header: base64.b64encode(signature).decode()}
    return headers, body, env


def reason_of(verifier: Verifier, headers: Any, body: bytes, env: Any) -> str:
    with pytest.raises(VerificationError) as info:
        verifier.verify(headers, body, env)
    return info.value.reason


# -- the good path -------------------------------------------------------------------------------


def test_good_request_passes(pki: PKI) -> None:
    assert make_verifier(pki).verify(*signed_request(pki.leaf_key)) is None


@pytest.mark.parametrize(
    ("url_header", "signature_header"),
    [("signaturecertchainurl", "signature-256"), ("SIGNATURECERTCHAINURL", "SIGNATURE-256"),
     ("SignatureCertChainURL", "signature-256")],
)
def test_header_names_are_case_insensitive(pki: PKI, url_header: str, signature_header: str) -> None:
    request = signed_request(pki.leaf_key, url_header=url_header, signature_header=signature_header)
    make_verifier(pki).verify(*request)


def test_werkzeug_headers_are_accepted(pki: PKI) -> None:
    headers, body, env = signed_request(pki.leaf_key)
    environ = {"HTTP_SIGNATURECERTCHAINURL": headers["SignatureCertChainUrl"],
               "HTTP_SIGNATURE_256": headers["Signature-256"]}
    make_verifier(pki).verify(EnvironHeaders(environ), body, env)


def test_chain_through_an_intermediate_passes(pki: PKI) -> None:
    inter_key = _key()
    inter = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Intermediate CA"))
        .issuer_name(pki.ca.subject)
        .public_key(inter_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=100))
        .not_valid_after(NOW + timedelta(days=1000))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(inter_key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(pki.ca_key.public_key()), critical=False
        )
        .sign(pki.ca_key, hashes.SHA256())
    )
    leaf = make_leaf(inter_key, inter, pki.leaf_key)
    verifier = make_verifier(pki, {GOOD_URL: pem(leaf, inter, pki.ca)})
    verifier.verify(*signed_request(pki.leaf_key))
    assert verifier.verify_chain(pem(leaf, inter), NOW) == leaf


# -- certificate URL -----------------------------------------------------------------------------

GOOD_URLS = [
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
    "HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
]
BAD_URLS = [
    "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://notamazon.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
    "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
    "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/../cert.pem",
    "https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem",
    "https://evil.example@s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:notaport/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api",
    "",
]


@pytest.mark.parametrize("url", GOOD_URLS)
def test_good_cert_urls_are_accepted_and_fetched_as_checked(url: str) -> None:
    assert check_cert_url(url) == "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"


ENCODED_TRAVERSALS = [
    "https://s3.amazonaws.com/echo.api/%2e%2e/cert.pem",
    "https://s3.amazonaws.com/echo.api/%2E%2E/cert.pem",
    "https://s3.amazonaws.com/echo.api/..%2fcert.pem",
    "https://s3.amazonaws.com/echo.api/..%2Fother/cert.pem",
    "https://s3.amazonaws.com/echo.api/%2e%2e%2fcert.pem",
    "https://s3.amazonaws.com/echo.api/..\\cert.pem",
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=../../cert.pem",
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem#../cert.pem",
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem\n",
    "https://s3.amazonaws.com/echo.api/\u2025/cert.pem",
]


@pytest.mark.parametrize("url", ENCODED_TRAVERSALS)
def test_encoded_traversal_and_anything_a_server_might_decode_is_refused(url: str, pki: PKI) -> None:
    with pytest.raises(VerificationError, match="bad certificate url"):
        check_cert_url(url)
    fetch = FakeFetch({url: pki.chain()})
    assert reason_of(make_verifier(pki, fetch=fetch), *signed_request(pki.leaf_key, url=url)) == "bad certificate url"
    assert not fetch.calls


def test_the_url_downloaded_is_the_normalised_one_that_was_checked(pki: PKI) -> None:
    fetch = FakeFetch({GOOD_URL: pki.chain()})
    verifier = make_verifier(pki, fetch=fetch)
    for url in ("https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
                "HTTPS://S3.AMAZONAWS.COM:443/echo.api/./echo-api-cert.pem"):
        verifier.verify(*signed_request(pki.leaf_key, url=url))
    assert fetch.calls == Counter({GOOD_URL: 1})  # the same URL, fetched once and cached


@pytest.mark.parametrize("url", BAD_URLS)
def test_bad_cert_urls_are_rejected(url: str) -> None:
    with pytest.raises(VerificationError) as info:
        check_cert_url(url)
    assert info.value.reason == "bad certificate url"


def test_bad_cert_url_is_rejected_before_download(pki: PKI) -> None:
    fetch = FakeFetch({})
    request = signed_request(pki.leaf_key, url=BAD_URLS[0])
    assert reason_of(make_verifier(pki, fetch=fetch), *request) == "bad certificate url"
    assert not fetch.calls


# -- certificate chain ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("leaf_options", "reason"),
    [
        ({"not_before": NOW - timedelta(days=60), "not_after": NOW - timedelta(seconds=1)},
         "certificate expired"),
        ({"not_before": NOW + timedelta(seconds=1), "not_after": NOW + timedelta(days=60)},
         "certificate not yet valid"),
        ({"san": "echo-api.example.com"}, "certificate SAN mismatch"),
    ],
    ids=["expired", "not-yet-valid", "wrong-san"],
)
def test_bad_leaf_is_rejected(pki: PKI, leaf_options: dict[str, Any], reason: str) -> None:
    verifier = make_verifier(pki, {GOOD_URL: pki.chain(**leaf_options)})
    assert reason_of(verifier, *signed_request(pki.leaf_key)) == reason


def test_chain_from_untrusted_ca_is_rejected(pki: PKI) -> None:
    rogue_leaf = make_leaf(pki.rogue_ca_key, pki.rogue_ca, pki.leaf_key)
    verifier = make_verifier(pki, {GOOD_URL: pem(rogue_leaf, pki.rogue_ca)})
    assert reason_of(verifier, *signed_request(pki.leaf_key)) == "untrusted certificate chain"


@pytest.mark.parametrize("page", [b"not a certificate", b"-----BEGIN CERTIFICATE-----\nAAAA\n"])
def test_garbage_chain_is_rejected(pki: PKI, page: bytes) -> None:
    verifier = make_verifier(pki, {GOOD_URL: page})
    assert reason_of(verifier, *signed_request(pki.leaf_key)) == "invalid certificate chain"


# -- headers and signature -----------------------------------------------------------------------


def test_tampered_body_is_rejected(pki: PKI) -> None:
    headers, body, env = signed_request(pki.leaf_key)
    assert reason_of(make_verifier(pki), headers, body.replace(b"Launch", b"Lunch"), env) == (
        "signature mismatch"
    )


def test_signature_by_another_key_is_rejected(pki: PKI) -> None:
    assert reason_of(make_verifier(pki), *signed_request(pki.rogue_ca_key)) == "signature mismatch"


@pytest.mark.parametrize(
    ("drop", "reason"),
    [("SignatureCertChainUrl", "missing SignatureCertChainUrl header"),
     ("Signature-256", "missing Signature-256 header")],
)
def test_missing_header_is_rejected(pki: PKI, drop: str, reason: str) -> None:
    headers, body, env = signed_request(pki.leaf_key)
    del headers[drop]
    assert reason_of(make_verifier(pki), headers, body, env) == reason


def test_retired_sha1_signature_header_alone_is_rejected(pki: PKI) -> None:
    env = envelope()
    body = json.dumps(env).encode()
    sha1 = base64.b64encode(pki.leaf_key.sign(body, padding.PKCS1v15(), hashes.SHA1())).decode()
    headers = {"SignatureCertChainUrl": GOOD_URL, "Signature": sha1}
    reason = reason_of(make_verifier(pki), headers, body, env)
    assert reason == "missing Signature-256 header"


@pytest.mark.parametrize("garbled", ["not base64!!", "QUJ", "QUJDRA=x", "===="])
def test_garbled_signature_is_rejected(pki: PKI, garbled: str) -> None:
    headers, body, env = signed_request(pki.leaf_key)
    headers["Signature-256"] = garbled
    assert reason_of(make_verifier(pki), headers, body, env) == "malformed Signature-256 header"


# -- timestamp -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("timestamp", "reason"),
    [
        (iso(NOW - timedelta(seconds=151)), "timestamp too old"),
        (iso(NOW + timedelta(seconds=151)), "timestamp in the future"),
        ("yesterday at noon", "malformed timestamp"),
        (1700000000, "malformed timestamp"),
    ],
    ids=["151s-old", "151s-future", "garbled", "not-a-string"],
)
def test_bad_timestamp_is_rejected(pki: PKI, timestamp: Any, reason: str) -> None:
    request = signed_request(pki.leaf_key, envelope(timestamp=timestamp))
    assert reason_of(make_verifier(pki), *request) == reason


def test_missing_timestamp_is_rejected(pki: PKI) -> None:
    env = envelope()
    del env["request"]["timestamp"]
    assert reason_of(make_verifier(pki), *signed_request(pki.leaf_key, env)) == "missing timestamp"


@pytest.mark.parametrize(
    "timestamp",
    [iso(NOW - timedelta(seconds=150)), iso(NOW + timedelta(seconds=150)),
     "2026-11-21T08:19:21.123Z", "2026-11-21T09:19:21+01:00", "2026-11-21T08:18:00.5+00:00"],
)
def test_timestamp_formats_and_edges_are_accepted(pki: PKI, timestamp: str) -> None:
    make_verifier(pki).verify(*signed_request(pki.leaf_key, envelope(timestamp=timestamp)))


def test_skill_event_may_be_thirty_minutes_old(pki: PKI) -> None:
    env = envelope(timestamp=iso(NOW - timedelta(minutes=30)), kind="AlexaSkillEvent.SkillEnabled")
    make_verifier(pki).verify(*signed_request(pki.leaf_key, env))


def test_skill_event_two_hours_old_is_rejected(pki: PKI) -> None:
    env = envelope(timestamp=iso(NOW - timedelta(hours=2)), kind="AlexaSkillEvent.SkillEnabled")
    assert reason_of(make_verifier(pki), *signed_request(pki.leaf_key, env)) == "timestamp too old"


def test_ordinary_request_thirty_minutes_old_is_rejected(pki: PKI) -> None:
    env = envelope(timestamp=iso(NOW - timedelta(minutes=30)), kind="IntentRequest")
    assert reason_of(make_verifier(pki), *signed_request(pki.leaf_key, env)) == "timestamp too old"


# -- application id ------------------------------------------------------------------------------


def test_wrong_application_id_is_rejected(pki: PKI) -> None:
    verifier = make_verifier(pki, skill_ids=[OTHER_SKILL_ID])
    assert reason_of(verifier, *signed_request(pki.leaf_key)) == "unknown application id"


def test_right_application_id_in_a_list_of_two_is_accepted(pki: PKI) -> None:
    make_verifier(pki, skill_ids=[OTHER_SKILL_ID, SKILL_ID]).verify(*signed_request(pki.leaf_key))


def test_application_id_falls_back_to_session(pki: PKI) -> None:
    env = envelope(app_id=None)
    env["session"] = {"application": {"applicationId": SKILL_ID}}
    make_verifier(pki, skill_ids=[SKILL_ID]).verify(*signed_request(pki.leaf_key, env))


def test_missing_application_id_is_rejected(pki: PKI) -> None:
    verifier = make_verifier(pki, skill_ids=[SKILL_ID])
    reason = reason_of(verifier, *signed_request(pki.leaf_key, envelope(app_id=None)))
    assert reason == "missing application id"


# -- verification switched off (local testing) ---------------------------------------------------


def _no_fetch(url: str) -> bytes:
    raise AssertionError("must not download when verification is off")


def test_verification_off_accepts_an_unsigned_stale_request(pki: PKI) -> None:
    env = envelope(timestamp=iso(NOW - timedelta(days=3)))
    verifier = make_verifier(pki, check_signature=False, skill_ids=[SKILL_ID], fetch=_no_fetch)
    verifier.verify({}, json.dumps(env).encode(), env)


def test_verification_off_still_checks_application_id(pki: PKI) -> None:
    env = envelope(app_id=OTHER_SKILL_ID)
    verifier = make_verifier(pki, check_signature=False, skill_ids=[SKILL_ID], fetch=_no_fetch)
    assert reason_of(verifier, {}, json.dumps(env).encode(), env) == "unknown application id"


# -- malformed envelopes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [[], "text", None, {}, {"request": []}, {"request": "LaunchRequest"}, {"request": {"timestamp": None}}],
)
def test_malformed_envelope_raises_verification_error_only(pki: PKI, env: Any) -> None:
    headers, body, _ = signed_request(pki.leaf_key)
    for verifier in (make_verifier(pki, skill_ids=[SKILL_ID]), make_verifier(pki)):
        with pytest.raises(VerificationError):
            verifier.verify(headers, body, env)


@pytest.mark.parametrize(
    "context", [[], "text", {"System": []}, {"System": {"application": "x"}},
                {"System": {"application": {"applicationId": 42}}}],
)
def test_malformed_context_is_a_missing_application_id(pki: PKI, context: Any) -> None:
    headers, body, env = signed_request(pki.leaf_key)
    env = {**env, "context": context}
    assert reason_of(make_verifier(pki, skill_ids=[SKILL_ID]), headers, body, env) == (
        "missing application id"
    )


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["request", "timestamp", "type", "context", "System", "application",
                         "applicationId", "session"]) | st.text(max_size=5),
        inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, database=None)
@given(env=_json, check_signature=st.booleans())
def test_any_envelope_shape_gives_only_verification_error(pki: PKI, env: Any, check_signature: bool) -> None:
    headers, body, _ = signed_request(pki.leaf_key)
    verifier = make_verifier(pki, skill_ids=[SKILL_ID], check_signature=check_signature)
    try:
        verifier.verify(headers, body, env)
    except VerificationError as error:
        assert error.reason


# -- download ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error", [OSError("connection refused"), TimeoutError("timed out"), urllib.error.URLError("dns"),
              socket.timeout("slow"), ValueError("weird")],
    ids=["oserror", "timeout", "urlerror", "socket-timeout", "valueerror"],
)
def test_download_failure_is_reported(pki: PKI, error: Exception) -> None:
    def fetch(url: str) -> bytes:
        raise error

    verifier = make_verifier(pki, fetch=fetch)
    assert reason_of(verifier, *signed_request(pki.leaf_key)) == "certificate download failed"


@pytest.mark.parametrize("page", [b"", b"x" * (64 * 1024 + 1)], ids=["empty", "too-large"])
def test_empty_or_oversized_download_is_rejected(pki: PKI, page: bytes) -> None:
    verifier = make_verifier(pki, {GOOD_URL: page})
    assert reason_of(verifier, *signed_request(pki.leaf_key)) == "certificate download failed"


@pytest.fixture
def loopback() -> Callable[[bytes], str]:
    """Serve given bytes over HTTP on 127.0.0.1; returns a function page -> url."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(page: bytes) -> str:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                self.send_response(200)
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args: Any) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/echo.api/cert.pem"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def test_default_download_reads_a_small_page(loopback: Callable[[bytes], str]) -> None:
    assert verify_module._download(loopback(b"chain"), timeout=2) == b"chain"


def test_default_download_refuses_more_than_64_kib(loopback: Callable[[bytes], str]) -> None:
    with pytest.raises(OSError):
        verify_module._download(loopback(b"x" * (64 * 1024 + 1)), timeout=2)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_default_download_refuses_redirects(loopback: Callable[[bytes], str], status: int) -> None:
    elsewhere = loopback(b"a chain from elsewhere")
    hits: list[str] = []

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            hits.append(self.path)
            self.send_response(status)
            self.send_header("Location", elsewhere)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(OSError):
            verify_module._download(f"http://127.0.0.1:{server.server_address[1]}/echo.api/cert.pem", timeout=2)
    finally:
        server.shutdown()
        server.server_close()
    assert hits == ["/echo.api/cert.pem"]


def test_the_replay_cache_refuses_a_request_id_seen_within_the_window() -> None:
    cache = verify_module.ReplayCache(3)
    cache.check("amzn1.echo-api.request.1", now=1000.0)
    with pytest.raises(VerificationError, match="replayed request"):
        cache.check("amzn1.echo-api.request.1", now=1001.0)
    for n in range(2, 6):  # bounded: the oldest ids go first
        cache.check(f"amzn1.echo-api.request.{n}", now=1002.0)
    cache.check("amzn1.echo-api.request.1", now=1003.0)
    cache.check("amzn1.echo-api.request.9", now=1000.0 + 3751)  # past the window: old ids dropped
    cache.check("amzn1.echo-api.request.5", now=1000.0 + 3760)
    with pytest.raises(VerificationError, match="missing request id"):
        cache.check(None, now=1.0)


def test_a_verifier_with_a_replay_cache_refuses_the_same_signed_request_twice(pki: PKI) -> None:
    verifier = make_verifier(pki, replays=verify_module.ReplayCache(100))
    request = signed_request(pki.leaf_key)
    verifier.verify(*request)
    assert reason_of(verifier, *request) == "replayed request"
    make_verifier(pki).verify(*request)  # off by default (Amazon does not require it): answered
    make_verifier(pki).verify(*request)


def test_default_download_gives_up_on_a_silent_server() -> None:
    with socket.socket() as listener:  # accepts connections (backlog) but never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        with pytest.raises(OSError):  # TimeoutError is an OSError
            verify_module._download(f"http://127.0.0.1:{port}/echo.api/cert.pem", timeout=0.3)


# -- cache ---------------------------------------------------------------------------------------


def test_chain_is_downloaded_once_per_url(pki: PKI) -> None:
    fetch = FakeFetch({GOOD_URL: pki.chain()})
    verifier = make_verifier(pki, fetch=fetch)
    verifier.verify(*signed_request(pki.leaf_key))
    verifier.verify(*signed_request(pki.leaf_key))
    assert fetch.calls[GOOD_URL] == 1


def test_cache_is_bounded(pki: PKI) -> None:
    urls = [BASE_URL + f"cert-{n}.pem" for n in range(3)]
    fetch = FakeFetch({url: pki.chain() for url in urls})
    verifier = make_verifier(pki, fetch=fetch, cache_size=2)
    for url in urls:
        verifier.verify(*signed_request(pki.leaf_key, url=url))
    verifier.verify(*signed_request(pki.leaf_key, url=urls[2]))  # still cached
    verifier.verify(*signed_request(pki.leaf_key, url=urls[0]))  # evicted: downloaded again
    assert fetch.calls == Counter({urls[0]: 2, urls[1]: 1, urls[2]: 1})


def test_cached_chain_expires_with_its_leaf(pki: PKI) -> None:
    clock = [NOW]
    short_lived = pki.chain(not_after=NOW + timedelta(hours=1))
    fetch = FakeFetch({GOOD_URL: short_lived})
    verifier = make_verifier(pki, fetch=fetch, now=lambda: clock[0])
    verifier.verify(*signed_request(pki.leaf_key))
    clock[0] = NOW + timedelta(hours=2)
    env = envelope(timestamp=iso(clock[0]))
    assert reason_of(verifier, *signed_request(pki.leaf_key, env)) == "certificate expired"
    assert fetch.calls[GOOD_URL] == 2
    fetch.pages[GOOD_URL] = pki.chain()  # Amazon rotated the certificate
    verifier.verify(*signed_request(pki.leaf_key, env))


def test_failed_chain_is_not_cached(pki: PKI) -> None:
    fetch = FakeFetch({GOOD_URL: pki.chain(san="wrong.example.com")})
    verifier = make_verifier(pki, fetch=fetch)
    assert reason_of(verifier, *signed_request(pki.leaf_key)) == "certificate SAN mismatch"
    fetch.pages[GOOD_URL] = pki.chain()
    verifier.verify(*signed_request(pki.leaf_key))
    assert fetch.calls[GOOD_URL] == 2


def test_concurrent_requests_share_the_verifier(pki: PKI) -> None:
    verifier = make_verifier(pki)
    request = signed_request(pki.leaf_key)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                verifier.verify(*request)
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


# -- Amazon's real chains ------------------------------------------------------------------------

REAL_CHAINS = [
    ("echo-api-cert-7.pem", datetime(2019, 9, 1, tzinfo=timezone.utc)),
    ("echo-api-cert-12.pem", datetime(2023, 6, 1, tzinfo=timezone.utc)),
]


def _real_chain(name: str) -> bytes:
    path = AMAZON_DIR / name
    if not path.is_file():
        pytest.skip("needs ../shared/testdata (the shared folder beside the project)")
    return path.read_bytes()


@pytest.fixture(scope="module")
def certifi_verifier() -> Verifier:
    return Verifier(roots=None)


@pytest.mark.parametrize(("name", "at"), REAL_CHAINS, ids=["cert-7", "cert-12"])
def test_real_amazon_chain_is_trusted_inside_its_validity(
    certifi_verifier: Verifier, name: str, at: datetime
) -> None:
    leaf = certifi_verifier.verify_chain(_real_chain(name), at=at)
    san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "echo-api.amazon.com" in san.get_values_for_type(x509.DNSName)


@pytest.mark.parametrize(("name", "at"), REAL_CHAINS, ids=["cert-7", "cert-12"])
def test_real_amazon_chain_without_its_last_certificate_is_trusted(
    certifi_verifier: Verifier, name: str, at: datetime
) -> None:
    certs = x509.load_pem_x509_certificates(_real_chain(name))
    assert certifi_verifier.verify_chain(pem(*certs[:-1]), at=at) == certs[0]


@pytest.mark.parametrize(("name", "at"), REAL_CHAINS, ids=["cert-7", "cert-12"])
def test_real_amazon_chain_is_expired_today(certifi_verifier: Verifier, name: str, at: datetime) -> None:
    with pytest.raises(VerificationError) as info:
        certifi_verifier.verify_chain(_real_chain(name), at=datetime.now(timezone.utc))
    assert info.value.reason == "certificate expired"


@pytest.mark.parametrize(("name", "at"), REAL_CHAINS, ids=["cert-7", "cert-12"])
def test_real_amazon_chain_is_untrusted_by_a_foreign_root(pki: PKI, name: str, at: datetime) -> None:
    with pytest.raises(VerificationError) as info:
        Verifier(roots=[pki.ca]).verify_chain(_real_chain(name), at=at)
    assert info.value.reason == "untrusted certificate chain"
