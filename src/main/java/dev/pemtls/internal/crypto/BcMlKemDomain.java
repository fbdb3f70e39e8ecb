package dev.pemtls.internal.crypto;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMExtractor;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyPairGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsKemConfig;
import org.bouncycastle.tls.crypto.TlsKemDomain;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * ML-KEM (FIPS 203), the post-quantum half of the hybrid groups such as X25519MLKEM768, on
 * BouncyCastle's lightweight code, in place of BCJSSE's JCA form, which needs BouncyCastle's
 * provider in the JVM's provider list ({@code KEM.getInstance} by name) or the JDK's ML-KEM
 * (JDK 24 and later), which takes no BouncyCastle keys. No provider is involved here.
 *
 * <p>The client generates a key pair and sends its encapsulation key; the server encapsulates to
 * it and sends the ciphertext; both end with the 32-byte shared secret. A peer value of the
 * wrong length is refused with {@code illegal_parameter}.
 */
final class BcMlKemDomain implements TlsKemDomain {
  private final JcaTlsCrypto crypto;
  private final MLKEMParameters parameters;
  private final boolean server;
  /** Encapsulation key and ciphertext sizes of this parameter set (FIPS 203, table 3). */
  private final int publicKeyLength;
  private final int ciphertextLength;

  BcMlKemDomain(JcaTlsCrypto crypto, TlsKemConfig config) {
    this.crypto = crypto;
    this.server = config.isServer();
    switch (config.getNamedGroup()) {
      case NamedGroup.MLKEM512:
        parameters = MLKEMParameters.ml_kem_512;
        publicKeyLength = 800;
        ciphertextLength = 768;
        break;
      case NamedGroup.MLKEM768:
        parameters = MLKEMParameters.ml_kem_768;
        publicKeyLength = 1184;
        ciphertextLength = 1088;
        break;
      case NamedGroup.MLKEM1024:
        parameters = MLKEMParameters.ml_kem_1024;
        publicKeyLength = 1568;
        ciphertextLength = 1568;
        break;
      default:
        throw new IllegalArgumentException("not an ML-KEM group: "
            + NamedGroup.getText(config.getNamedGroup()));
    }
  }

  /** Whether {@code namedGroup} is one of the ML-KEM parameter sets this domain serves. */
  static boolean serves(int namedGroup) {
    return namedGroup == NamedGroup.MLKEM512 || namedGroup == NamedGroup.MLKEM768
        || namedGroup == NamedGroup.MLKEM1024;
  }

  @Override
  public TlsAgreement createKem() {
    return new Kem();
  }

  private final class Kem implements TlsAgreement {
    private MLKEMPrivateKeyParameters privateKey;
    private MLKEMPublicKeyParameters peerKey;
    private byte[] secret;

    @Override
    public byte[] generateEphemeral() throws IOException {
      if (server) { // encapsulate to the client's key, received first
        if (peerKey == null) {
          throw new TlsFatalAlert(AlertDescription.internal_error, "no client key share yet");
        }
        SecretWithEncapsulation encapsulated =
            new MLKEMGenerator(crypto.getSecureRandom()).generateEncapsulated(peerKey);
        peerKey = null;
        secret = encapsulated.getSecret();
        return encapsulated.getEncapsulation();
      }
      MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
      generator.init(new MLKEMKeyGenerationParameters(crypto.getSecureRandom(), parameters));
      AsymmetricCipherKeyPair pair = generator.generateKeyPair();
      privateKey = (MLKEMPrivateKeyParameters) pair.getPrivate();
      return ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded();
    }

    @Override
    public void receivePeerValue(byte[] value) throws IOException {
      int expected = server ? publicKeyLength : ciphertextLength;
      if (value == null || value.length != expected) {
        throw new TlsFatalAlert(AlertDescription.illegal_parameter, "ML-KEM "
            + (server ? "encapsulation key" : "ciphertext") + " of "
            + (value == null ? "no" : value.length) + " bytes, " + expected + " expected");
      }
      if (server) {
        peerKey = new MLKEMPublicKeyParameters(parameters, value);
      } else {
        if (privateKey == null) {
          throw new TlsFatalAlert(AlertDescription.internal_error, "no key pair generated");
        }
        secret = new MLKEMExtractor(privateKey).extractSecret(value);
        privateKey = null;
      }
    }

    @Override
    public TlsSecret calculateSecret() throws IOException {
      if (secret == null) {
        throw new TlsFatalAlert(AlertDescription.internal_error, "no ML-KEM secret");
      }
      try {
        return crypto.createSecret(secret); // a copy; this one is zeroed below
      } finally {
        Arrays.fill(secret, (byte) 0);
        secret = null;
      }
    }
  }
}
