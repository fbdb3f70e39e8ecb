package dev.pemtls.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.math.BigInteger;
import javax.crypto.KeyAgreement;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * X25519/X448 on BouncyCastle's lightweight code agree with the JDK's XDH (the peer's side), and
 * refuse what BCJSSE refuses.
 */
class BcXdhDomainTest {
  static PemTlsCrypto crypto() {
    SecureRandom r = new SecureRandom();
    return new PemTlsCrypto(new JdkFirstJcaJceHelper(), r, r);
  }

  static TlsECDomain domain(int group) {
    TlsECDomain d = crypto().createECDomain(new TlsECConfig(group));
    assertEquals(BcXdhDomain.class, d.getClass());
    return d;
  }

  /** RFC 7748 u-coordinates are little-endian; the JDK's XECPublicKeySpec takes a BigInteger. */
  static PublicKey jdkPublicKey(String curve, byte[] u) throws Exception {
    byte[] be = new byte[u.length + 1];
    for (int i = 0; i < u.length; i++) {
      be[u.length - i] = u[i];
    }
    return KeyFactory.getInstance("XDH").generatePublic(
        new XECPublicKeySpec(new NamedParameterSpec(curve), new BigInteger(be)));
  }

  static byte[] littleEndian(BigInteger u, int size) {
    byte[] be = u.toByteArray();
    byte[] le = new byte[size];
    for (int i = 0; i < size && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }

  @ParameterizedTest
  @CsvSource({"29, X25519, 32", "30, X448, 56"})
  void agreement_matchesTheJdksXdh(int group, String curve, int size) throws Exception {
    TlsAgreement ours = domain(group).createECDH();
    byte[] ourShare = ours.generateEphemeral();
    assertEquals(size, ourShare.length);

    KeyPairGenerator g = KeyPairGenerator.getInstance(curve);
    KeyPair peer = g.generateKeyPair();
    ours.receivePeerValue(littleEndian(((XECPublicKey) peer.getPublic()).getU(), size));
    byte[] secret = ours.calculateSecret().extract();

    KeyAgreement jdk = KeyAgreement.getInstance(curve);
    jdk.init(peer.getPrivate());
    jdk.doPhase(jdkPublicKey(curve, ourShare), true);
    assertArrayEquals(jdk.generateSecret(), secret);
  }

  @Test
  void peerValueOfTheWrongLength_isIllegalParameter() throws Exception {
    TlsAgreement a = domain(NamedGroup.x25519).createECDH();
    a.generateEphemeral();
    TlsFatalAlert e = assertThrows(TlsFatalAlert.class, () -> a.receivePeerValue(new byte[31]));
    assertEquals(AlertDescription.illegal_parameter, e.getAlertDescription());
  }

  /** A low-order point (here u = 0) gives an all-zero secret: BCJSSE's answer is this alert. */
  @ParameterizedTest
  @CsvSource({"29, 32", "30, 56"})
  void allZeroSharedSecret_isHandshakeFailure(int group, int size) throws Exception {
    TlsAgreement a = domain(group).createECDH();
    a.generateEphemeral();
    a.receivePeerValue(new byte[size]);
    TlsFatalAlert e = assertThrows(TlsFatalAlert.class, a::calculateSecret);
    assertEquals(AlertDescription.handshake_failure, e.getAlertDescription());
  }

  @Test
  void nistCurves_stayOnTheJdk() {
    TlsECDomain d = crypto().createECDomain(new TlsECConfig(NamedGroup.secp256r1));
    assertEquals("JceTlsECDomain", d.getClass().getSimpleName());
  }
}
