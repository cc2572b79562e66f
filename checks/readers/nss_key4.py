"""Does a Firefox profile have a primary password? Try the empty password on key4.db's password-check entry.

key4.db (NSS's key database) has a `metadata` row id='password': item1 is the global salt, item2 a DER
blob that encrypts the fixed text b"password-check\\x02\\x02" with a key derived from the primary password.
If the empty password decrypts it, there is no primary password. Only this check value is ever decrypted:
never a saved login. Method: lclevy/firepwd and LaZagne's mozilla module (facts only, no code copied):
  modern NSS  PBES2 (1.2.840.113549.1.5.13): PBKDF2-HMAC-SHA256 over SHA1(global salt + password),
              AES-256-CBC with IV = 04 0e + the 14 stored bytes;
  older NSS   pbeWithSha1AndTripleDES-CBC (1.2.840.113549.1.12.5.1.3) with NSS's own SHA1/HMAC key derivation.
Tested against real key4.db files made by NSS's certutil (tests/unit/test_browser_passwords.py).
"""

from __future__ import annotations

import hashlib
import hmac

PASSWORD_CHECK = b"password-check"
OID_PBES2 = "1.2.840.113549.1.5.13"
OID_PBKDF2 = "1.2.840.113549.1.5.12"
OID_HMAC_SHA256 = "1.2.840.113549.2.9"
OID_AES256_CBC = "2.16.840.1.101.3.4.1.42"
OID_SHA1_3DES = "1.2.840.113549.1.12.5.1.3"


class Der:
    """Just enough DER to walk NSS's nested SEQUENCEs: (tag, value) pairs, SEQUENCE values as lists."""

    @staticmethod
    def parse(data: bytes) -> list[tuple[int, object]]:
        out: list[tuple[int, object]] = []
        i = 0
        while i < len(data):
            tag = data[i]
            length = data[i + 1]
            i += 2
            if length & 0x80:
                n = length & 0x7F
                length = int.from_bytes(data[i : i + n], "big")
                i += n
            value = data[i : i + length]
            if len(value) != length:
                raise ValueError("truncated DER")
            i += length
            out.append((tag, Der.parse(value) if tag == 0x30 else value))
        return out

    @staticmethod
    def oid(raw: object) -> str:
        if not isinstance(raw, bytes) or not raw:
            raise ValueError("not an OID")
        parts = [raw[0] // 40, raw[0] % 40]
        n = 0
        for b in raw[1:]:
            n = (n << 7) | (b & 0x7F)
            if not b & 0x80:
                parts.append(n)
                n = 0
        return ".".join(str(p) for p in parts)


def _seq(node: object) -> list[tuple[int, object]]:
    if not isinstance(node, list):
        raise ValueError("expected a SEQUENCE")
    return node


def _bytes(node: object) -> bytes:
    if not isinstance(node, bytes):
        raise ValueError("expected a value")
    return node


def _int(node: object) -> int:
    return int.from_bytes(_bytes(node), "big")


def _decrypt_pbes2(global_salt: bytes, password: bytes, params: list[tuple[int, object]], cipher: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    kdf, enc = _seq(params[0][1]), _seq(params[1][1])
    if Der.oid(kdf[0][1]) != OID_PBKDF2 or Der.oid(enc[0][1]) != OID_AES256_CBC:
        raise ValueError("unsupported PBES2 parameters")
    kdf_params = _seq(kdf[1][1])
    salt, iterations, key_length = _bytes(kdf_params[0][1]), _int(kdf_params[1][1]), _int(kdf_params[2][1])
    prf = Der.oid(_seq(kdf_params[3][1])[0][1]) if len(kdf_params) > 3 else OID_HMAC_SHA256
    if prf != OID_HMAC_SHA256:
        raise ValueError("unsupported PBKDF2 hash")
    hashed = hashlib.sha1(global_salt + password).digest()
    key = hashlib.pbkdf2_hmac("sha256", hashed, salt, iterations, dklen=key_length)
    iv = b"\x04\x0e" + _bytes(enc[1][1])
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(cipher) + decryptor.finalize()


def _decrypt_3des(global_salt: bytes, password: bytes, params: list[tuple[int, object]], cipher: bytes) -> bytes:
    try:
        from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
    except ImportError:  # cryptography < 43 kept it in the main module
        from cryptography.hazmat.primitives.ciphers.algorithms import TripleDES  # type: ignore[attr-defined,no-redef,unused-ignore]
    from cryptography.hazmat.primitives.ciphers import Cipher, modes

    entry_salt = _bytes(params[0][1])
    hp = hashlib.sha1(global_salt + password).digest()
    pes = entry_salt + b"\x00" * (20 - len(entry_salt))
    chp = hashlib.sha1(hp + entry_salt).digest()
    k1 = hmac.new(chp, pes + entry_salt, hashlib.sha1).digest()
    tk = hmac.new(chp, pes, hashlib.sha1).digest()
    k2 = hmac.new(chp, tk + entry_salt, hashlib.sha1).digest()
    k = k1 + k2
    decryptor = Cipher(TripleDES(k[:24]), modes.CBC(k[-8:])).decryptor()
    return decryptor.update(cipher) + decryptor.finalize()


def has_primary_password(global_salt: bytes, check_blob: bytes) -> bool | None:
    """False when the empty password opens the check value (no primary password), True when it does not,
    None when the entry uses a scheme this code does not know (then the caller says it cannot tell)."""
    try:
        top = _seq(Der.parse(check_blob)[0][1])
        algorithm, cipher = _seq(top[0][1]), _bytes(top[1][1])
        oid = Der.oid(algorithm[0][1])
        params = _seq(algorithm[1][1])
        if oid == OID_PBES2:
            plain = _decrypt_pbes2(global_salt, b"", params, cipher)
        elif oid == OID_SHA1_3DES:
            plain = _decrypt_3des(global_salt, b"", params, cipher)
        else:
            return None
    except (ValueError, IndexError):
        return None
    return not plain.startswith(PASSWORD_CHECK)
