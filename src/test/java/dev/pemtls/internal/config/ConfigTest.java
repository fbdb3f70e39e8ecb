package dev.pemtls.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.VerifyMode;
import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.demo.DemoPki.DemoFiles;
import dev.pemtls.internal.jsse.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import dev.pemtls.internal.crypto.BcProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing pemtls.conf into settings, and every error naming file, key and problem. */
class ConfigTest {
  @TempDir static Path dir;
  static DemoFiles pki;

  @BeforeAll
  static void pki() throws IOException {
    pki = DemoPki.create(dir, "EC");
  }

  private static Path conf(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "pemtls", ".conf");
    Files.write(f, List.of(lines));
    return f;
  }

  private static Config load(Path file, String... props) {
    Properties p = new Properties();
    for (int i = 0; i < props.length; i += 2) {
      p.setProperty(props[i], props[i + 1]);
    }
    return Config.load(file == null ? null : file.toString(), p);
  }

  private static Settings settings(Path file, String... props) {
    return Configured.build(load(file, props), Map.of()).settings();
  }

  @Test
  void unknownKey_isAnErrorNamingFileKeyAndSuggestion() throws IOException {
    Path f = conf("cafle=ca.pem");
    ProviderException e = assertThrows(ProviderException.class, () -> load(f));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("unknown key 'cafle' (did you mean 'cafile'?)"),
        e.getMessage());
  }

  @Test
  void pythonStyleKeys_nameThePemTlsKeyToUse() throws IOException {
    Map<String, String> expected = Map.of(
        "ca_certs", "in pemtls.conf the PemTLS key is 'cafile'",
        "cert_reqs", "in pemtls.conf the PemTLS key is 'verify_mode'",
        "ssl_version", "in pemtls.conf use minimum_version and maximum_version",
        "password", "in pemtls.conf use password_file or password_env");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Path f = conf(e.getKey() + "=x");
      ProviderException thrown = assertThrows(ProviderException.class, () -> load(f));
      assertTrue(thrown.getMessage().contains("unknown key '" + e.getKey() + "' (that is "
          + "Python's " + e.getKey() + " argument; " + e.getValue() + ")"), thrown.getMessage());
    }
  }

  @Test
  void encryptedKeyWithoutPassword_namesPasswordFileAndPasswordEnv() throws Exception {
    Path key = dir.resolve("encrypted.key");
    PrivateKeyInfo plain;
    try (PEMParser p = new PEMParser(Files.newBufferedReader(pki.clientKey()))) {
      plain = (PrivateKeyInfo) p.readObject();
    }
    try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(key))) {
      w.writeObject(new PKCS8Generator(plain, new JceOpenSSLPKCS8EncryptorBuilder(
          PKCS8Generator.AES_256_CBC).setProvider(BcProvider.get())
          .setPassword("secret".toCharArray()).build()));
    }
    Path f = conf("certfile=" + pki.clientCert(), "keyfile=" + key);
    ProviderException e = assertThrows(ProviderException.class, () -> settings(f));
    assertTrue(e.getMessage().contains(f + ", key 'keyfile'"), e.getMessage());
    assertTrue(e.getMessage().contains("is encrypted and no password is configured; set "
        + "password_file"), e.getMessage());
    assertTrue(e.getMessage().contains("or password_env"), e.getMessage());
    assertFalse(e.getMessage().contains("load_cert_chain"), e.getMessage());
  }

  @Test
  void unknownSystemProperty_isAnErrorWithSuggestion() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> load(null, "pemtls.verifymode", "CERT_NONE"));
    assertTrue(e.getMessage().contains("-Dpemtls.verifymode"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'verify_mode'?"), e.getMessage());
  }

  @Test
  void missingConfigFile_namesFileAndHowItWasNamed() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> load(null, "pemtls.config", dir.resolve("nope.conf").toString()));
    assertTrue(e.getMessage().contains("nope.conf"), e.getMessage());
    assertTrue(e.getMessage().contains("-Dpemtls.config"), e.getMessage());
  }

  @Test
  void missingCafile_namesConfigFileKeyAndPath() throws IOException {
    Path f = conf("cafile=/no/such/ca.pem");
    ProviderException e = assertThrows(ProviderException.class, () -> settings(f));
    assertTrue(e.getMessage().contains(f + ", key 'cafile'"), e.getMessage());
    assertTrue(e.getMessage().contains("/no/such/ca.pem"), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void keyNotMatchingCertificate_namesKeyfile() throws IOException {
    Path f = conf("certfile=" + pki.serverCert(), "keyfile=" + pki.clientKey());
    ProviderException e = assertThrows(ProviderException.class, () -> settings(f));
    assertTrue(e.getMessage().contains("key 'keyfile'"), e.getMessage());
  }

  @Test
  void badVerifyMode_suggestsTheClosestMode() throws IOException {
    ProviderException e = assertThrows(ProviderException.class,
        () -> load(conf("verify_mode=CERT_REQUIRD")));
    assertTrue(e.getMessage().contains("did you mean 'CERT_REQUIRED'?"), e.getMessage());
  }

  @Test
  void badVersionAndBadBoolean_areErrors() throws IOException {
    assertThrows(ProviderException.class, () -> load(conf("minimum_version=TLS1.2")));
    assertThrows(ProviderException.class, () -> load(conf("check_hostname=yes")));
    assertThrows(ProviderException.class, () -> load(conf("cafile=")));
  }

  @Test
  void checkHostnameWithCertNone_isAContradiction() throws IOException {
    ProviderException e = assertThrows(ProviderException.class,
        () -> load(conf("verify_mode=CERT_NONE", "check_hostname=true")));
    assertTrue(e.getMessage().contains("key 'check_hostname'"), e.getMessage());
  }

  @Test
  void keyfileOrPasswordWithoutCertfile_isAnError() throws IOException {
    assertThrows(ProviderException.class, () -> load(conf("keyfile=k.pem")));
    assertThrows(ProviderException.class, () -> load(conf("password_env=PW")));
    assertThrows(ProviderException.class, () -> load(conf("certfile=c.pem",
        "password_env=PW", "password_file=pw.txt")));
  }

  @Test
  void unsetPasswordVariable_namesTheVariable() throws IOException {
    Path f = conf("certfile=" + pki.clientCert(), "keyfile=" + pki.clientKey(),
        "password_env=PEMTLS_TEST_UNSET_VARIABLE");
    ProviderException e = assertThrows(ProviderException.class, () -> settings(f));
    assertTrue(e.getMessage().contains("PEMTLS_TEST_UNSET_VARIABLE is not set"), e.getMessage());
  }

  @Test
  void unsetVerifyMode_clientRequiredServerNoneWithHostCheckAndJdkTrust() throws IOException {
    Settings s = settings(conf("# nothing set"));
    assertEquals(VerifyMode.CERT_REQUIRED, s.verifyMode());
    assertEquals(VerifyMode.CERT_NONE, s.serverVerifyMode());
    assertTrue(s.checkHostname());
    assertTrue(s.trust().certificates().size() > 10, "cacerts loaded: " + s.trust());
    assertFalse(s.hasIdentity());
  }

  @Test
  void explicitVerifyMode_governsBothSides() throws IOException {
    Settings s = settings(conf("verify_mode=CERT_OPTIONAL", "cafile=" + pki.caFile()));
    assertEquals(VerifyMode.CERT_OPTIONAL, s.verifyMode());
    assertEquals(VerifyMode.CERT_OPTIONAL, s.serverVerifyMode());
    assertEquals(1, s.trust().certificates().size());
  }

  @Test
  void relativePaths_resolveAgainstTheConfigFolder() throws IOException {
    Settings s = settings(conf("certfile=client.pem", "keyfile=client.key", "cafile=ca.pem"));
    assertTrue(s.hasIdentity());
    assertEquals(1, s.trust().certificates().size());
  }

  @Test
  void systemProperties_overrideTheFile() throws IOException {
    Settings s = settings(conf("verify_mode=CERT_REQUIRED", "cafile=" + pki.caFile()),
        "pemtls.verify_mode", "CERT_NONE", "pemtls.check_hostname", "false",
        "pemtls.maximum_version", "TLSv1.2");
    assertEquals(VerifyMode.CERT_NONE, s.verifyMode());
    assertEquals(List.of("TLSv1.2"), s.protocols());
  }

  @Test
  void cipherString_narrowsTheSuites() throws IOException {
    Settings s = settings(conf("cafile=" + pki.caFile(), "ciphers=ECDHE-ECDSA-AES128-GCM-SHA256",
        "ciphersuites=TLS_AES_128_GCM_SHA256"));
    assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
        s.cipherSuites());
  }

  @Test
  void cipherStringSelectingNothing_namesTheKey() throws IOException {
    Path f = conf("cafile=" + pki.caFile(), "ciphers=NOTHING-LIKE-THIS");
    ProviderException e = assertThrows(ProviderException.class, () -> settings(f));
    assertTrue(e.getMessage().contains("key 'ciphers'"), e.getMessage());
  }

  @Test
  void groups_areOpenSslNames_inTheirOrder() throws IOException {
    Settings s = settings(conf("cafile=" + pki.caFile(), "groups=P-384:X25519"));
    assertEquals(List.of("secp384r1", "x25519"), s.groups());
    assertEquals(null, settings(conf("cafile=" + pki.caFile())).groups(), "default: OpenSSL's");
  }

  @Test
  void unknownGroup_namesTheKeyAndTheGroup() throws IOException {
    Path f = conf("cafile=" + pki.caFile(), "groups=X25519:secp256k1");
    ProviderException e = assertThrows(ProviderException.class, () -> settings(f));
    assertTrue(e.getMessage().contains("key 'groups'"), e.getMessage());
    assertTrue(e.getMessage().contains("group 'secp256k1' cannot be set"), e.getMessage());
  }

  @Test
  void minimumAboveMaximum_isAnError() throws IOException {
    Path f = conf("cafile=" + pki.caFile(), "minimum_version=TLSv1.3",
        "maximum_version=TLSv1.2");
    assertThrows(ProviderException.class, () -> settings(f));
  }
}
