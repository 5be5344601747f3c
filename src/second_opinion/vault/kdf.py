"""Turning a passphrase into the vault's 256-bit key with Argon2id.

Why Argon2id and a raw SQLCipher key rather than SQLCipher's built-in PBKDF2: Argon2id is
memory-hard, so guessing on a GPU costs far more; and with a raw key SQLCipher does no key
derivation of its own, so every new connection (one per thread) opens in microseconds and the
derivation runs exactly once per unlock. See docs/design/key-derivation.md for the numbers.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass

from second_opinion.vault.errors import EmptyPassphrase, PassphraseNotText, WeakKdfParameters

KEY_BYTES = 32
SALT_BYTES = 16
_KEY_CHECK_LABEL = b"second-opinion/key-check/v1"


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id cost settings, stored in the vault header beside the salt."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    parallelism: int = 4

    def to_json(self) -> dict[str, int | str]:
        return {
            "algorithm": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "parallelism": self.parallelism,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> KdfParameters:
        if data.get("algorithm") != "argon2id":
            raise WeakKdfParameters()
        values = [data.get(name) for name in ("memory_kib", "iterations", "parallelism")]
        # Whole numbers only: not 3.5, not true, not a huge float such as 1e999.
        if any(type(value) is not int for value in values):
            raise WeakKdfParameters()
        memory_kib, iterations, parallelism = (int(str(value)) for value in values)
        params = cls(memory_kib=memory_kib, iterations=iterations, parallelism=parallelism)
        params.require_minimum()
        return params

    def require_minimum(self) -> None:
        """Refuse settings an attacker could have lowered (or raised) in the plaintext header."""
        if (
            self.memory_kib < MINIMUM.memory_kib
            or self.iterations < MINIMUM.iterations
            or self.parallelism < MINIMUM.parallelism
        ):
            raise WeakKdfParameters()
        if (
            self.memory_kib > MAXIMUM_MEMORY_KIB
            or self.iterations > MAXIMUM_ITERATIONS
            or self.parallelism > MAXIMUM_PARALLELISM
            or self.memory_kib * self.iterations > MAXIMUM_WORK_KIB
        ):
            raise WeakKdfParameters(TOO_HIGH_MESSAGE)


# OWASP's floor for Argon2id (19 MiB, t=2) and a ceiling a laptop can afford, so a crafted
# header cannot make an unlock allocate gigabytes or spin for a minute (2 GiB and t=64 took
# 62 s and 2.1 GB here; 1 GiB and t=16 still took 31 s, so memory times passes is capped
# too: 1 GiB with t=4, or 256 MiB with t=16, about 8 s on a busy 2-core machine).
MINIMUM = KdfParameters(memory_kib=19 * 1024, iterations=2, parallelism=1)
MAXIMUM_MEMORY_KIB = 1024 * 1024
MAXIMUM_ITERATIONS = 16
MAXIMUM_PARALLELISM = 16
MAXIMUM_WORK_KIB = 4 * 1024 * 1024
TOO_HIGH_MESSAGE = (
    "The vault's header asks for key-derivation settings too high for this computer "
    "(at most 1 GiB of memory, 16 passes, and 4 GiB for memory times passes); it was "
    "refused as tampered or not ours."
)
DEFAULT = KdfParameters()


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC-normalise so the same passphrase typed on another keyboard or OS still unlocks.

    macOS input methods can produce decomposed (NFD) accents where Linux and Windows give
    composed ones; without this a vault made on one would refuse the "same" passphrase on the
    other. Surrounding whitespace is kept: it may be part of the passphrase on purpose.
    """
    if not passphrase:
        raise EmptyPassphrase()
    try:
        return unicodedata.normalize("NFC", passphrase).encode("utf-8")
    except UnicodeEncodeError:
        # Bytes that were not UTF-8 on standard input arrive as lone surrogates.
        raise PassphraseNotText() from None


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes, params: KdfParameters) -> bytearray:
    # Imported here: opening with a remembered key derives nothing, and should not load argon2.
    from argon2.low_level import Type, hash_secret_raw

    params.require_minimum()
    secret = normalise_passphrase(passphrase)
    raw = hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    return bytearray(raw)


def key_check_value(key: bytes | bytearray) -> bytes:
    """A value that proves a key is right without the database: tells "wrong" from "damaged"."""
    # hmac takes the bytearray as it is (no immutable copy of the key made here).
    return hmac.new(key, _KEY_CHECK_LABEL, hashlib.sha256).digest()


def key_matches(key: bytes | bytearray, expected_check: bytes) -> bool:
    return hmac.compare_digest(key_check_value(key), expected_check)
