package dev.pemtls.internal.jsse;

import dev.pemtls.internal.ciphers.SecurityFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * The signature algorithms a connection offers and accepts (the {@code signature_algorithms}
 * extension both sides send, and what the peer may sign the handshake and its certificates
 * with): OpenSSL 3.0's default list, in its order, less what the security level refuses, as
 * Python's {@code SSLContext} sends and accepts them.
 *
 * <p>OpenSSL gives each scheme the strength of its digest (SHA-1 counts 64 bits in TLS, so it is
 * refused from level 1; SHA-224 112 bits, refused from level 3; Ed25519 128, Ed448 224) and
 * keeps those the level allows. BCJSSE's own default offers SHA-1 at every level, which Python
 * does not. OpenSSL's list also has {@code dsa_sha384} and {@code dsa_sha512}, which BCJSSE does
 * not implement: PemTLS's list is OpenSSL's without those two.
 *
 * <p>{@link Floor} puts the list on every socket and engine, and keeps an application's
 * narrower choice.
 */
final class SignatureSchemes {
  /** A scheme by its BCJSSE name and the bits of security OpenSSL gives it. */
  private record Scheme(String name, int bits) {}

  /** {@code tls12_sigalgs} of OpenSSL 3.0's ssl/t1_lib.c, in order, without the GOST ones. */
  private static final List<Scheme> OPENSSL_DEFAULT = List.of(
      new Scheme("ecdsa_secp256r1_sha256", 128),
      new Scheme("ecdsa_secp384r1_sha384", 192),
      new Scheme("ecdsa_secp521r1_sha512", 256),
      new Scheme("ed25519", 128),
      new Scheme("ed448", 224),
      new Scheme("rsa_pss_pss_sha256", 128),
      new Scheme("rsa_pss_pss_sha384", 192),
      new Scheme("rsa_pss_pss_sha512", 256),
      new Scheme("rsa_pss_rsae_sha256", 128),
      new Scheme("rsa_pss_rsae_sha384", 192),
      new Scheme("rsa_pss_rsae_sha512", 256),
      new Scheme("rsa_pkcs1_sha256", 128),
      new Scheme("rsa_pkcs1_sha384", 192),
      new Scheme("rsa_pkcs1_sha512", 256),
      new Scheme("ecdsa_sha224", 112),
      new Scheme("ecdsa_sha1", 64),
      new Scheme("rsa_sha224", 112),
      new Scheme("rsa_pkcs1_sha1", 64),
      new Scheme("dsa_sha224", 112),
      new Scheme("dsa_sha1", 64),
      new Scheme("dsa_sha256", 128));

  private SignatureSchemes() {}

  /** The schemes OpenSSL 3.0 offers at {@code securityLevel}, in its order, as BCJSSE names. */
  static List<String> forLevel(int securityLevel) {
    int min = SecurityFilter.minimumBits(securityLevel);
    List<String> out = new ArrayList<>();
    for (Scheme s : OPENSSL_DEFAULT) {
      if (s.bits >= min) {
        out.add(s.name);
      }
    }
    return List.copyOf(out);
  }
}
