package dev.pemtls.internal.crypto;

import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Map;

/**
 * RSASSA-PSS under the names BCJSSE asks for ({@code SHA256WITHRSAANDMGF1}, {@code
 * SHA384WITHRSAANDMGF1}, {@code SHA512WITHRSAANDMGF1}), implemented by the JDK's own {@code
 * RSASSA-PSS} with the parameters TLS uses (MGF1 with the same digest, salt as long as the digest,
 * trailer 1; RFC 8446 section 4.2.3).
 *
 * <p>Why: only BouncyCastle's JCA provider knows those names, and building that provider costs
 * about 0.6 s of CPU at start-up (it precomputes every named curve). TLS 1.3 with an RSA key needs
 * PSS, so without this every JVM would pay that to sign or verify one handshake. A private
 * provider, never registered JVM-wide, because BCJSSE re-creates a PSS {@code Signature} by name
 * from the provider of the first one it got.
 */
final class PssSignatures extends Provider {
  private static final long serialVersionUID = 1L;

  /** BCJSSE's name, upper case, to the digest it means. */
  private static final Map<String, String> DIGESTS = Map.of(
      "SHA256WITHRSAANDMGF1", "SHA-256",
      "SHA384WITHRSAANDMGF1", "SHA-384",
      "SHA512WITHRSAANDMGF1", "SHA-512");

  static final PssSignatures INSTANCE = new PssSignatures();

  private PssSignatures() {
    super("PemTLS-PSS", "1.0", "RSASSA-PSS under BCJSSE's names, on the JDK's RSASSA-PSS");
    for (Map.Entry<String, String> e : DIGESTS.entrySet()) {
      String digest = e.getValue();
      putService(new Service(this, "Signature", e.getKey(), Spi.class.getName(), null, null) {
        @Override
        public Object newInstance(Object unused) throws NoSuchAlgorithmException {
          return new Spi(digest);
        }
      });
    }
  }

  /** Whether {@code algorithm} is one of the names served here (case-insensitive). */
  static boolean serves(String algorithm) {
    return DIGESTS.containsKey(algorithm.toUpperCase(Locale.ROOT));
  }

  /** The TLS parameters for a digest: MGF1 over the same digest, salt of the digest's length. */
  static PSSParameterSpec tlsParameters(String digest) {
    int saltLength = Integer.parseInt(digest.substring(4)) / 8;
    return new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), saltLength, 1);
  }

  /** Delegates every call to a JDK {@code RSASSA-PSS} Signature preset to the TLS parameters. */
  private static final class Spi extends ForwardingSignatureSpi {
    private final Signature jdk;

    Spi(String digest) throws NoSuchAlgorithmException {
      jdk = Signature.getInstance("RSASSA-PSS");
      try {
        jdk.setParameter(tlsParameters(digest));
      } catch (InvalidAlgorithmParameterException e) {
        throw new NoSuchAlgorithmException("the JDK's RSASSA-PSS refuses " + digest, e);
      }
    }

    @Override
    protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
      jdk.initVerify(key);
    }

    @Override
    protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
      jdk.initSign(key);
    }

    @Override
    protected void engineInitSign(PrivateKey key, SecureRandom random) throws InvalidKeyException {
      jdk.initSign(key, random);
    }

    @Override
    Signature target() {
      return jdk;
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params)
        throws InvalidAlgorithmParameterException {
      jdk.setParameter(params);
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
      return jdk.getParameters();
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
      throw new InvalidParameterException("no string parameters: use a PSSParameterSpec");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new InvalidParameterException("no string parameters: use getParameters()");
    }
  }
}
