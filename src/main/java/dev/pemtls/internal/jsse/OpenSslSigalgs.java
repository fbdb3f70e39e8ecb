package dev.pemtls.internal.jsse;

import dev.pemtls.SslError;
import dev.pemtls.internal.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;

/**
 * An OpenSSL signature-algorithm list ({@code SSL_CONF}'s {@code -sigalgs}, as {@code openssl
 * s_client -sigalgs} takes it) as the BCJSSE signature schemes a client offers.
 *
 * <p>As OpenSSL 3.0 reads it: colon-separated; each element either a TLS 1.3 style name ({@code
 * rsa_pss_rsae_sha256}, {@code ed25519}) or {@code SIG+HASH} with SIG one of RSA, RSA-PSS (or
 * PSS), DSA, ECDSA and HASH SHA1, SHA224, SHA256, SHA384, SHA512 (either order; the first entry
 * of OpenSSL's table with that signature and hash is taken, so {@code RSA-PSS+SHA256} is {@code
 * rsa_pss_rsae_sha256} and {@code ECDSA+SHA256} {@code ecdsa_secp256r1_sha256}). A name OpenSSL
 * does not know, or a repeat, makes the whole list invalid, as in OpenSSL. Schemes BCJSSE does not
 * implement ({@code dsa_sha384}, {@code dsa_sha512}) and schemes the security level refuses are
 * refused by name rather than dropped.
 */
public final class OpenSslSigalgs {
  /** OpenSSL 3.0's {@code sigalg_lookup_tbl} order: name, signature, hash, BCJSSE name. */
  private record Entry(String name, String sig, String hash, String bcName) {}

  private static final List<Entry> TABLE = List.of(
      new Entry("ecdsa_secp256r1_sha256", "ECDSA", "SHA256", "ecdsa_secp256r1_sha256"),
      new Entry("ecdsa_secp384r1_sha384", "ECDSA", "SHA384", "ecdsa_secp384r1_sha384"),
      new Entry("ecdsa_secp521r1_sha512", "ECDSA", "SHA512", "ecdsa_secp521r1_sha512"),
      new Entry("ed25519", "ED25519", null, "ed25519"),
      new Entry("ed448", "ED448", null, "ed448"),
      new Entry("ecdsa_sha224", "ECDSA", "SHA224", "ecdsa_sha224"),
      new Entry("ecdsa_sha1", "ECDSA", "SHA1", "ecdsa_sha1"),
      new Entry("rsa_pss_rsae_sha256", "RSA-PSS", "SHA256", "rsa_pss_rsae_sha256"),
      new Entry("rsa_pss_rsae_sha384", "RSA-PSS", "SHA384", "rsa_pss_rsae_sha384"),
      new Entry("rsa_pss_rsae_sha512", "RSA-PSS", "SHA512", "rsa_pss_rsae_sha512"),
      new Entry("rsa_pss_pss_sha256", "RSA-PSS", "SHA256", "rsa_pss_pss_sha256"),
      new Entry("rsa_pss_pss_sha384", "RSA-PSS", "SHA384", "rsa_pss_pss_sha384"),
      new Entry("rsa_pss_pss_sha512", "RSA-PSS", "SHA512", "rsa_pss_pss_sha512"),
      new Entry("rsa_pkcs1_sha256", "RSA", "SHA256", "rsa_pkcs1_sha256"),
      new Entry("rsa_pkcs1_sha384", "RSA", "SHA384", "rsa_pkcs1_sha384"),
      new Entry("rsa_pkcs1_sha512", "RSA", "SHA512", "rsa_pkcs1_sha512"),
      new Entry("rsa_pkcs1_sha224", "RSA", "SHA224", "rsa_sha224"),
      new Entry("rsa_pkcs1_sha1", "RSA", "SHA1", "rsa_pkcs1_sha1"),
      new Entry("dsa_sha256", "DSA", "SHA256", "dsa_sha256"),
      new Entry("dsa_sha384", "DSA", "SHA384", null),
      new Entry("dsa_sha512", "DSA", "SHA512", null),
      new Entry("dsa_sha224", "DSA", "SHA224", "dsa_sha224"),
      new Entry("dsa_sha1", "DSA", "SHA1", "dsa_sha1"));
  private static final Map<String, String> SIGS = Map.of("RSA", "RSA", "RSA-PSS", "RSA-PSS",
      "PSS", "RSA-PSS", "DSA", "DSA", "ECDSA", "ECDSA");
  /** OpenSSL's short and long names of the digests the table uses. */
  private static final Map<String, String> HASHES = Map.of("SHA1", "SHA1", "sha1", "SHA1",
      "SHA224", "SHA224", "sha224", "SHA224", "SHA256", "SHA256", "sha256", "SHA256",
      "SHA384", "SHA384", "sha384", "SHA384", "SHA512", "SHA512", "sha512", "SHA512");

  private OpenSslSigalgs() {}

  /**
   * The BCJSSE names of {@code list}, in its order.
   *
   * @param securityLevel the context's security level; a scheme it refuses is an error
   * @throws SslError for an invalid list, naming the element and what is allowed
   */
  public static List<String> parse(String list, int securityLevel) throws SslError {
    Map<String, Entry> chosen = new LinkedHashMap<>();
    for (String element : list.split(":", -1)) {
      Entry e = lookup(element);
      if (e == null) {
        throw invalid(list, "'" + element + "' is no signature algorithm; give TLS names ("
            + "rsa_pss_rsae_sha256, ecdsa_secp256r1_sha256, ed25519, ...) or SIG+HASH with SIG "
            + "RSA, RSA-PSS, DSA or ECDSA and HASH SHA1, SHA224, SHA256, SHA384 or SHA512");
      }
      if (chosen.putIfAbsent(e.name, e) != null) {
        throw invalid(list, "'" + element + "' repeats " + e.name);
      }
      if (e.bcName == null) {
        throw invalid(list, e.name + " is not implemented by BCJSSE");
      }
    }
    List<String> allowed = SignatureSchemes.forLevel(securityLevel);
    List<String> out = new ArrayList<>();
    for (Entry e : chosen.values()) {
      if (!allowed.contains(e.bcName)) {
        throw invalid(list, e.name + " is too weak for security level " + securityLevel
            + " (lower it with @SECLEVEL=0 in the cipher string, or leave it out)");
      }
      out.add(e.bcName);
    }
    return List.copyOf(out);
  }

  /**
   * Offers exactly {@code schemes} (BCJSSE names) on {@code socket}, a socket from {@code
   * wrapSocket} whose handshake has not started (BCJSSE then sends no separate {@code
   * signature_algorithms_cert}, as OpenSSL does not).
   */
  public static void offer(SSLSocket socket, List<String> schemes) {
    SSLSocket tls = socket instanceof PemSslSocket p ? p.tlsSocket() : socket;
    if (!(tls instanceof BCSSLSocket bc)) {
      throw new IllegalStateException("not a BCJSSE socket: " + socket);
    }
    BCSSLParameters p = bc.getParameters();
    p.setSignatureSchemes(schemes.toArray(new String[0]));
    bc.setParameters(p);
  }

  private static Entry lookup(String element) {
    int plus = element.indexOf('+');
    if (plus < 0) {
      return TABLE.stream().filter(e -> e.name.equals(element)).findFirst().orElse(null);
    }
    String a = element.substring(0, plus);
    String b = element.substring(plus + 1);
    String sig = SIGS.containsKey(a) ? SIGS.get(a) : SIGS.get(b);
    String hash = HASHES.containsKey(b) ? HASHES.get(b) : HASHES.get(a);
    if (sig == null || hash == null) {
      return null;
    }
    return TABLE.stream().filter(e -> sig.equals(e.sig) && hash.equals(e.hash)).findFirst()
        .orElse(null);
  }

  private static SslError invalid(String list, String why) {
    return Reason.SSL_INVALID_COMMAND.error("-sigalgs " + list + ": " + why);
  }
}
