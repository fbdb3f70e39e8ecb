package dev.pemtls.internal.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.Protocol;
import dev.pemtls.SslContext;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.Test;

/**
 * The floor under an application's signature schemes: OpenSSL's list at the context's security
 * level replaces a cleared list (what a fresh {@code SSLParameters} sets from JDK 19), keeps an
 * application's narrower choice, and drops what the level refuses. What goes on the wire is
 * compared with Python's in {@code SignatureAlgorithmsPythonTest}.
 */
class SignatureSchemesTest {
  @Test
  void forLevel_dropsSha1FromLevelOne_andSha224FromLevelThree() {
    assertTrue(SignatureSchemes.forLevel(0).containsAll(List.of("rsa_pkcs1_sha1", "ecdsa_sha1",
        "dsa_sha1", "rsa_sha224")));
    assertFalse(SignatureSchemes.forLevel(1).contains("rsa_pkcs1_sha1"));
    assertTrue(SignatureSchemes.forLevel(2).contains("ecdsa_sha224"));
    assertFalse(SignatureSchemes.forLevel(3).contains("ecdsa_sha224"));
    assertEquals("ecdsa_secp256r1_sha256", SignatureSchemes.forLevel(3).get(0));
    assertEquals(List.of("ecdsa_secp384r1_sha384", "ecdsa_secp521r1_sha512", "ed448",
        "rsa_pss_pss_sha384", "rsa_pss_pss_sha512", "rsa_pss_rsae_sha384", "rsa_pss_rsae_sha512",
        "rsa_pkcs1_sha384", "rsa_pkcs1_sha512"), SignatureSchemes.forLevel(4));
  }

  @Test
  void clearedSchemes_becomeTheLevelsList() throws Exception {
    BCSSLEngine engine = engine();
    BCSSLParameters p = engine.getParameters();
    p.setSignatureSchemes(null);
    engine.setParameters(p);
    assertTrue(floor(2).raiseBcParameters(engine));
    assertArrayEquals(SignatureSchemes.forLevel(2).toArray(), engine.getParameters()
        .getSignatureSchemes());
  }

  @Test
  void narrowerSchemes_stay_andRefusedOnesAreDropped() throws Exception {
    BCSSLEngine engine = engine();
    BCSSLParameters p = engine.getParameters();
    p.setSignatureSchemes(new String[] {"rsa_pkcs1_sha1", "ed25519", "ecdsa_secp256r1_sha256"});
    engine.setParameters(p);
    Floor floor = floor(2);
    assertTrue(floor.raiseBcParameters(engine));
    // SHA-1 dropped, OpenSSL's order kept
    assertArrayEquals(new String[] {"ecdsa_secp256r1_sha256", "ed25519"},
        engine.getParameters().getSignatureSchemes());
    assertFalse(floor.raiseBcParameters(engine), "already within the level's list");
  }

  @Test
  void onlyRefusedSchemes_fallBackToTheLevelsList() throws Exception {
    BCSSLEngine engine = engine();
    BCSSLParameters p = engine.getParameters();
    p.setSignatureSchemes(new String[] {"rsa_pkcs1_sha1"});
    engine.setParameters(p);
    assertTrue(floor(1).raiseBcParameters(engine));
    assertArrayEquals(SignatureSchemes.forLevel(1).toArray(), engine.getParameters()
        .getSignatureSchemes());
  }

  private static Floor floor(int level) throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    ctx.setCiphers("DEFAULT@SECLEVEL=" + level);
    return new Floor(ContextSettings.of(ctx));
  }

  /** A plain BCJSSE engine, as the floor meets it under PemTLS's wrapper. */
  private static BCSSLEngine engine() throws Exception {
    SSLContext bc = SSLContext.getInstance("TLS",
        new BouncyCastleJsseProvider(new BouncyCastleProvider()));
    bc.init(null, null, null);
    return (BCSSLEngine) bc.createSSLEngine();
  }
}
