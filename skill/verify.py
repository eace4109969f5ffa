"""Verify that an HTTPS request really comes from Alexa (web-service skills).

Implements Amazon's checks with ``cryptography`` alone: the certificate-chain URL,
the signing chain (dates, SAN ``echo-api.amazon.com``, trust), the ``Signature-256``
RSA/SHA-256 signature over the raw body, the request timestamp and the skill id.
Every failure raises :class:`VerificationError` with a short, safe ``reason``.
"""

from __future__ import annotations

import binascii
import functools
import posixpath
import threading
import urllib.parse
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.x509.verification import Store

# cryptography, ssl and urllib.request are imported where a chain is fetched or checked, not
# here: on AWS Lambda only the application id is checked, and their imports were a quarter of a
# cold start.

__all__ = ["VerificationError", "Verifier", "ReplayCache", "check_cert_url"]

SIGNING_SAN = "echo-api.amazon.com"
CERT_HOST = "s3.amazonaws.com"
CERT_PATH_PREFIX = "/echo.api/"
DOWNLOAD_TIMEOUT = 3.0
MAX_CHAIN_BYTES = 64 * 1024
TIMESTAMP_TOLERANCE = timedelta(seconds=150)
SKILL_EVENT_TOLERANCE = timedelta(seconds=3600)


class VerificationError(Exception):
    """A request failed one of Amazon's checks; ``.reason`` is short, safe and human-readable."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def check_cert_url(url: str) -> str:
    """The URL to download, rebuilt from its checked parts; ``VerificationError('bad certificate
    url')`` unless *url* is an Amazon echo.api URL.

    Percent-encoding and backslashes in the path are refused outright (``%2e%2e``, ``..%2f``:
    a server may decode what this check did not), and ``..`` is resolved here, so the URL
    fetched is exactly the one checked.
    """
    bad = VerificationError("bad certificate url")
    if not isinstance(url, str) or not url or not url.isascii() or any(c in url for c in "%\\\r\n\t "):
        raise bad
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        raise bad from None
    if parts.scheme.lower() != "https" or parts.hostname != CERT_HOST:
        raise bad
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        raise bad
    if port is not None and port != 443:
        raise bad
    if not parts.path.startswith("/"):
        raise bad
    path = posixpath.normpath(parts.path)
    if not path.startswith(CERT_PATH_PREFIX):
        raise bad
    return f"https://{CERT_HOST}{path}"


def _download_once(url: str, timeout: float, limit: int) -> bytes:
    import ssl
    import urllib.error
    import urllib.request

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        """A certificate URL that redirects is refused, wherever it points."""

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 - urllib's signature
            fp.close()
            raise urllib.error.URLError(f"redirect refused ({code})")

    import certifi  # (here, not at import: certifi loads importlib.resources, a cold start's cost)

    context = ssl.create_default_context(cafile=certifi.where())
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), NoRedirects())
    with opener.open(url, timeout=timeout) as response:  # noqa: S310 - an https URL check_cert_url rebuilt
        if response.geturl() != url:
            raise OSError("certificate download went elsewhere")
        data = response.read(limit + 1)
    if len(data) > limit:
        raise OSError("certificate chain too large")
    return data


def _download(url: str, *, timeout: float = DOWNLOAD_TIMEOUT, limit: int = MAX_CHAIN_BYTES) -> bytes:
    """Fetch *url* with a hard overall deadline (DNS and slow servers included)."""
    result: list[bytes] = []
    error: list[BaseException] = []

    def run() -> None:
        try:
            result.append(_download_once(url, timeout, limit))
        except BaseException as exc:  # reported to the caller below
            error.append(exc)

    worker = threading.Thread(target=run, name="alexa-cert-download", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError("certificate download timed out")
    if error:
        raise error[0]
    return result[0]


class ReplayCache:
    """Request ids seen within the timestamp window, refused a second time (optional; off by default).

    Amazon does not require it: the signature and the 150-second timestamp window are its
    checks. Bounded: at most `size` ids, the oldest dropped first; per process, so with several
    workers a replay reaching another worker is not caught.
    """

    def __init__(self, size: int, window: timedelta = SKILL_EVENT_TOLERANCE + TIMESTAMP_TOLERANCE) -> None:
        self.size, self.window = max(1, size), window.total_seconds()
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, request_id: Any, now: float) -> None:
        """Remember `request_id`; raise VerificationError if it was seen within the window."""
        if not isinstance(request_id, str) or not request_id:
            raise VerificationError("missing request id")
        with self._lock:
            while self._seen and next(iter(self._seen.values())) < now - self.window:
                self._seen.popitem(last=False)
            if request_id in self._seen:
                raise VerificationError("replayed request")
            self._seen[request_id] = now
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)


@functools.cache
def _default_roots() -> list[x509.Certificate]:
    """certifi's bundle, parsed once; a certificate that cannot be parsed is skipped."""
    import certifi
    from cryptography import x509

    marker = b"-----END CERTIFICATE-----"
    roots: list[x509.Certificate] = []
    for block in certifi.contents().encode("ascii").split(marker)[:-1]:
        try:
            roots.append(x509.load_pem_x509_certificate(block + marker + b"\n"))
        except Exception:  # noqa: BLE001 - e.g. a deprecation warning turned into an error
            continue
    return roots


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _dig(value: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _check_dates(leaf: x509.Certificate, at: datetime) -> None:
    if at < leaf.not_valid_before_utc:
        raise VerificationError("certificate not yet valid")
    if at > leaf.not_valid_after_utc:
        raise VerificationError("certificate expired")


def _check_san(leaf: x509.Certificate) -> None:
    from cryptography import x509

    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = san.get_values_for_type(x509.DNSName)
    except (x509.ExtensionNotFound, ValueError):
        raise VerificationError("certificate SAN mismatch") from None
    if not any(name.lower() == SIGNING_SAN for name in names):
        raise VerificationError("certificate SAN mismatch")


class Verifier:
    """Checks Alexa requests; one instance per process, safe to share between threads."""

    def __init__(
        self,
        *,
        skill_ids: Iterable[str] = (),
        check_signature: bool = True,
        fetch: Callable[[str], bytes] | None = None,
        now: Callable[[], datetime] | None = None,
        roots: Sequence[x509.Certificate] | None = None,
        cache_size: int = 32,
        replays: ReplayCache | None = None,
    ):
        if isinstance(skill_ids, str):
            skill_ids = (skill_ids,)
        self.skill_ids = frozenset(s.strip() for s in skill_ids if s and s.strip())
        self.check_signature = check_signature
        self._fetch = fetch or _download
        self._now = now or (lambda: datetime.now(timezone.utc))
        self._roots = list(roots) if roots is not None else None
        self._store: Store | None = None
        self._cache_size = max(0, cache_size)
        self._cache: OrderedDict[str, x509.Certificate] = OrderedDict()
        self._lock = threading.Lock()
        self._replays = replays

    # -- public -------------------------------------------------------------------------------

    def verify(self, headers: Mapping[str, str], body: bytes, envelope: Mapping[str, Any]) -> None:
        """Raise VerificationError on any failed check; return None when the request is good."""
        if not isinstance(envelope, Mapping):
            raise VerificationError("malformed request envelope")
        self._check_application_id(envelope)
        if not self.check_signature:
            return
        now = _utc(self._now())
        self._check_timestamp(envelope, now)

        lowered = self._normalise_headers(headers)
        url = lowered.get("signaturecertchainurl")
        if not url:
            raise VerificationError("missing SignatureCertChainUrl header")
        encoded = lowered.get("signature-256")
        if not encoded:
            raise VerificationError("missing Signature-256 header")
        try:
            import base64  # (only with signatures checked, never on Lambda: a cold start's cost)

            signature = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise VerificationError("malformed Signature-256 header") from None
        if not signature:
            raise VerificationError("malformed Signature-256 header")
        if not isinstance(body, (bytes, bytearray, memoryview)):
            raise VerificationError("malformed request body")

        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding, rsa

        leaf = self._leaf_for(check_cert_url(url), now)
        key = leaf.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise VerificationError("unsupported certificate key")
        try:
            key.verify(signature, bytes(body), padding.PKCS1v15(), hashes.SHA256())
        except (InvalidSignature, ValueError):
            raise VerificationError("signature mismatch") from None
        if self._replays is not None:
            self._replays.check(_dig(envelope, "request", "requestId"), now.timestamp())

    def verify_chain(self, pem: bytes, at: datetime) -> x509.Certificate:
        """Build/validate a PEM chain (leaf first) at time `at`; return the leaf. Raise VerificationError."""
        from cryptography import x509
        from cryptography.x509 import verification

        try:
            certs = x509.load_pem_x509_certificates(pem)
        except Exception:  # noqa: BLE001 - ValueError, TypeError, warnings as errors
            raise VerificationError("invalid certificate chain") from None
        leaf, intermediates = certs[0], certs[1:]
        at = _utc(at)
        _check_dates(leaf, at)
        _check_san(leaf)
        try:
            verifier = (
                verification.PolicyBuilder()
                .store(self._trust_store())
                .time(at)
                .build_server_verifier(x509.DNSName(SIGNING_SAN))
            )
            verifier.verify(leaf, intermediates)
        except (verification.VerificationError, ValueError):
            raise VerificationError("untrusted certificate chain") from None
        return leaf

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _normalise_headers(headers: Mapping[str, str]) -> dict[str, str]:
        try:
            items = list(headers.items())
        except (AttributeError, TypeError):
            raise VerificationError("malformed request headers") from None
        return {str(k).lower(): v for k, v in items if isinstance(v, str)}

    def _trust_store(self) -> Store:
        from cryptography.x509.verification import Store

        with self._lock:
            if self._store is None:
                roots = self._roots if self._roots is not None else _default_roots()
                try:
                    self._store = Store(roots)
                except (TypeError, ValueError):
                    raise VerificationError("untrusted certificate chain") from None
            return self._store

    def _leaf_for(self, url: str, now: datetime) -> x509.Certificate:
        with self._lock:
            leaf = self._cache.get(url)
            if leaf is not None:
                if leaf.not_valid_before_utc <= now <= leaf.not_valid_after_utc:
                    self._cache.move_to_end(url)
                    return leaf
                del self._cache[url]  # expired: Amazon may have rotated it, fetch again
        try:
            pem = self._fetch(url)
        except Exception:  # noqa: BLE001 - any fetch failure is a download failure
            raise VerificationError("certificate download failed") from None
        if not isinstance(pem, (bytes, bytearray)) or not pem or len(pem) > MAX_CHAIN_BYTES:
            raise VerificationError("certificate download failed")
        leaf = self.verify_chain(bytes(pem), now)
        if self._cache_size:
            with self._lock:
                self._cache[url] = leaf
                self._cache.move_to_end(url)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return leaf

    def _check_application_id(self, envelope: Mapping[str, Any]) -> None:
        if not self.skill_ids:
            return
        app_id = _dig(envelope, "context", "System", "application", "applicationId")
        if app_id is None:
            app_id = _dig(envelope, "session", "application", "applicationId")
        if not isinstance(app_id, str) or not app_id:
            raise VerificationError("missing application id")
        if app_id not in self.skill_ids:
            raise VerificationError("unknown application id")

    @staticmethod
    def _check_timestamp(envelope: Mapping[str, Any], now: datetime) -> None:
        request = envelope.get("request")
        if not isinstance(request, Mapping):
            raise VerificationError("malformed request envelope")
        raw = request.get("timestamp")
        if raw is None:
            raise VerificationError("missing timestamp")
        if not isinstance(raw, str):
            raise VerificationError("malformed timestamp")
        try:
            stamp = _utc(datetime.fromisoformat(raw.strip()))
        except (ValueError, OverflowError):
            raise VerificationError("malformed timestamp") from None
        kind = request.get("type")
        is_event = isinstance(kind, str) and kind.startswith("AlexaSkillEvent.")
        max_age = SKILL_EVENT_TOLERANCE if is_event else TIMESTAMP_TOLERANCE
        try:
            age = now - stamp
        except OverflowError:
            raise VerificationError("malformed timestamp") from None
        if age > max_age:
            raise VerificationError("timestamp too old")
        if -age > TIMESTAMP_TOLERANCE:
            raise VerificationError("timestamp in the future")
