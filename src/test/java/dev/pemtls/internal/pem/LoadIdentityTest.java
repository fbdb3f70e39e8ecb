package dev.pemtls.internal.pem;

import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.identity.IdentityKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.pemtls.PasswordCallback;
import dev.pemtls.SslError;
import dev.pemtls.testing.OpenSsl;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** load_cert_chain behaviour: where the key is, chain order, and every failure's message. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class LoadIdentityTest {
  @TempDir static Path dir;
  @TempDir Path tmp;

  static String leafCrt;
  static String leafKey;
  static String otherCrt;
  static String otherKey;
  static String ecCrt;
  static String ecKey;
  static String encryptedLeafKey;

  @BeforeAll
  static void generate() throws Exception {
    OpenSsl.assumeAvailable();
    OpenSsl ssl = new OpenSsl(dir);
    ssl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
        "leaf.key");
    ssl.selfSigned("leaf.key", "leaf", "leaf.crt");
    ssl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
        "other.key");
    ssl.selfSigned("other.key", "other", "other.crt");
    ssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
        "ec.key");
    ssl.selfSigned("ec.key", "ec", "ec.crt");
    ssl.run("pkcs8", "-topk8", "-in", "leaf.key", "-passout", "pass:pw", "-out", "leaf-enc.key");
    leafCrt = read("leaf.crt");
    leafKey = read("leaf.key");
    otherCrt = read("other.crt");
    otherKey = read("other.key");
    ecCrt = read("ec.crt");
    ecKey = read("ec.key");
    encryptedLeafKey = read("leaf-enc.key");
  }

  private static String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.US_ASCII);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content, StandardCharsets.ISO_8859_1);
  }

  private static SslError assertSslError(String library, String reason, Executable call) {
    SslError e = assertThrows(SslError.class, call);
    assertEquals(library + ": " + reason, e.library() + ": " + e.reason(), e.getMessage());
    return e;
  }

  private static void assertMentions(SslError e, Object... parts) {
    for (Object part : parts) {
      assertTrue(e.getMessage().contains(part.toString()),
          "'" + part + "' not in: " + e.getMessage());
    }
  }

  @Test
  void loadIdentity_combinedFileKeyBeforeCerts_findsKey() throws Exception {
    Path file = write("combined.pem", leafKey + "some text\n" + leafCrt + otherCrt);
    Identity id = PemFiles.loadIdentity(file, null, null);
    assertEquals("CN=leaf", id.leaf().getSubjectX500Principal().getName());
    assertEquals(2, id.chain().size());
  }

  @Test
  void loadIdentity_combinedFileKeyAfterCerts_findsKey() throws Exception {
    Path file = write("combined.pem", leafCrt + otherCrt + leafKey);
    Identity id = PemFiles.loadIdentity(file, null, null);
    KeyFormsTest.assertSigns(IdentityKeys.keyOf(id), id);
  }

  @Test
  void loadIdentity_keyfileSameAsCertfile_behavesLikeNull() throws Exception {
    Path file = write("combined.pem", leafCrt + leafKey);
    assertEquals("RSA", IdentityKeys.keyOf(PemFiles.loadIdentity(file, file, null)).getAlgorithm());
  }

  @Test
  void loadIdentity_chainOfThree_keepsFileOrder() throws Exception {
    Path certs = write("chain.pem", leafCrt + "# intermediate\n" + otherCrt + ecCrt);
    Identity id = PemFiles.loadIdentity(certs, dir.resolve("leaf.key"), null);
    assertEquals(List.of("CN=leaf", "CN=other", "CN=ec"), id.chain().stream()
        .map(c -> c.getSubjectX500Principal().getName()).toList());
    assertThrows(UnsupportedOperationException.class, () -> id.chain().clear());
  }

  @Test
  void loadIdentity_keyDoesNotMatch_raisesKeyValuesMismatch() {
    Path cert = dir.resolve("leaf.crt");
    Path key = dir.resolve("other.key");
    SslError e = assertSslError("X509", "KEY_VALUES_MISMATCH",
        () -> PemFiles.loadIdentity(cert, key, null));
    assertMentions(e, "key values mismatch", key, cert, "CN=leaf");
  }

  @Test
  void loadIdentity_keyOfOtherType_raisesKeyTypeMismatch() {
    SslError e = assertSslError("X509", "KEY_TYPE_MISMATCH",
        () -> PemFiles.loadIdentity(dir.resolve("leaf.crt"), dir.resolve("ec.key"), null));
    assertMentions(e, "ec.key", "CN=leaf");
  }

  @Test
  void loadIdentity_severalKeys_usesFirstLikeOpenSsl() throws Exception {
    Path first = write("keys1.pem", leafKey + otherKey);
    assertNotNull(PemFiles.loadIdentity(dir.resolve("leaf.crt"), first, null));
    Path second = write("keys2.pem", otherKey + leafKey);
    assertSslError("X509", "KEY_VALUES_MISMATCH",
        () -> PemFiles.loadIdentity(dir.resolve("leaf.crt"), second, null));
  }

  @Test
  void loadIdentity_unencryptedKey_neverCallsPasswordCallback() throws Exception {
    PasswordCallback callback = mock(PasswordCallback.class);
    PemFiles.loadIdentity(dir.resolve("leaf.crt"), dir.resolve("leaf.key"), callback);
    verifyNoInteractions(callback);
  }

  @Test
  void loadIdentity_passwordOver1023Bytes_refusedAndCleared() {
    char[][] returned = new char[1][];
    PasswordCallback callback = () -> {
      returned[0] = new char[1024];
      Arrays.fill(returned[0], 'a');
      return returned[0];
    };
    SslError e = assertSslError("PEM", "BAD_PASSWORD_READ", () -> PemFiles.loadIdentity(
        dir.resolve("leaf.crt"), dir.resolve("leaf-enc.key"), callback));
    assertMentions(e, "password cannot be longer than 1023 bytes");
    assertArrayEquals(new char[1024], returned[0]);
  }

  @Test
  void loadIdentity_passwordCallbackFails_raisesWithCause() {
    IOException failure = new IOException("user cancelled");
    SslError e = assertSslError("PEM", "BAD_PASSWORD_READ", () -> PemFiles.loadIdentity(
        dir.resolve("leaf.crt"), dir.resolve("leaf-enc.key"), () -> {
          throw failure;
        }));
    assertEquals(failure, e.getCause());
  }

  @Test
  void loadIdentity_missingCertfile_raisesFileNotFoundNamingPath() {
    Path missing = tmp.resolve("nope.pem");
    SslError e = assertSslError("SYS", "FILE_NOT_FOUND",
        () -> PemFiles.loadIdentity(missing, null, null));
    assertMentions(e, missing, "certfile");
  }

  @Test
  void loadIdentity_missingKeyfile_raisesFileNotFoundNamingPath() {
    Path missing = tmp.resolve("nope.key");
    SslError e = assertSslError("SYS", "FILE_NOT_FOUND",
        () -> PemFiles.loadIdentity(dir.resolve("leaf.crt"), missing, null));
    assertMentions(e, missing, "keyfile");
  }

  @Test
  void loadIdentity_directoryAsCertfile_raisesSysError() {
    SslError e = assertThrows(SslError.class, () -> PemFiles.loadIdentity(tmp, null, null));
    assertEquals("SYS", e.library());
  }

  @Test
  void loadIdentity_emptyCertfile_raisesNoStartLine() throws Exception {
    Path empty = write("empty.pem", "");
    SslError e = assertSslError("PEM", "NO_START_LINE",
        () -> PemFiles.loadIdentity(empty, null, null));
    assertMentions(e, empty, "-----BEGIN CERTIFICATE-----");
  }

  @Test
  void loadIdentity_keyOnlyCertfile_raisesNoStartLine() {
    assertSslError("PEM", "NO_START_LINE",
        () -> PemFiles.loadIdentity(dir.resolve("leaf.key"), null, null));
  }

  @Test
  void loadIdentity_certOnlyFileAsKeyfile_raisesNoPrivateKeyNamingKeyfile() {
    Path keyfile = dir.resolve("other.crt");
    SslError e = assertSslError("PEM", "NO_PRIVATE_KEY",
        () -> PemFiles.loadIdentity(dir.resolve("leaf.crt"), keyfile, null));
    assertMentions(e, "keyfile " + keyfile);
  }

  @Test
  void loadIdentity_noKeyfileAndNoKeyInCertfile_saysItLookedInCertfile() {
    Path certfile = dir.resolve("leaf.crt");
    SslError e = assertSslError("PEM", "NO_PRIVATE_KEY",
        () -> PemFiles.loadIdentity(certfile, null, null));
    assertMentions(e, "certfile " + certfile, "no keyfile was given");
  }

  @Test
  void loadIdentity_garbageBase64_raisesBadBase64NamingBlock() throws Exception {
    String broken = leafCrt.replaceFirst("\n[A-Za-z0-9+/]{10}", "\n!!garbage!");
    Path file = write("broken.pem", leafKey + broken);
    SslError e = assertSslError("PEM", "BAD_BASE64_DECODE",
        () -> PemFiles.loadIdentity(file, null, null));
    assertMentions(e, "block #2", "CERTIFICATE", file);
  }

  @Test
  void loadIdentity_truncatedFile_raisesBadEndLine() throws Exception {
    String combined = leafCrt + leafKey;
    Path file = write("cut.pem", combined.substring(0, combined.length() - 200));
    SslError e = assertSslError("PEM", "BAD_END_LINE",
        () -> PemFiles.loadIdentity(file, null, null));
    assertMentions(e, "block #2", "-----END PRIVATE KEY-----");
  }

  @Test
  void loadIdentity_certificateBodyNotDer_raisesAsn1Error() throws Exception {
    String body = Base64.getMimeEncoder().encodeToString(new byte[] {0x30, 0x03, 1, 2, 3});
    Path file = write("notcert.pem",
        "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n" + leafKey);
    SslError e = assertSslError("PEM", "ASN1_LIB", () -> PemFiles.loadIdentity(file, null, null));
    assertMentions(e, "block #1", file);
  }

  @Test
  void loadIdentity_openSshKey_raisesUnsupportedWithHint() throws Exception {
    Path key = write("id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n"
        + "-----END OPENSSH PRIVATE KEY-----\n");
    SslError e = assertSslError("EVP", "UNSUPPORTED_PRIVATE_KEY_ALGORITHM",
        () -> PemFiles.loadIdentity(dir.resolve("leaf.crt"), key, null));
    assertMentions(e, "OPENSSH PRIVATE KEY", "ssh-keygen");
  }

  @Test
  void loadIdentity_x25519Key_raisesUnsupportedNamingAlgorithm() throws Exception {
    new OpenSsl(tmp).run("genpkey", "-algorithm", "X25519", "-out", "x.key");
    SslError e = assertSslError("EVP", "UNSUPPORTED_PRIVATE_KEY_ALGORITHM",
        () -> PemFiles.loadIdentity(dir.resolve("leaf.crt"), tmp.resolve("x.key"), null));
    assertMentions(e, "X25519");
  }

  @Test
  void loadIdentity_legacyHeaderWithUnknownCipher_raisesUnsupportedEncryption() throws Exception {
    String key = leafKey.replace("-----BEGIN PRIVATE KEY-----\n", "-----BEGIN PRIVATE KEY-----\n"
        + "Proc-Type: 4,ENCRYPTED\nDEK-Info: SEED-CBC,00112233445566778899AABBCCDDEEFF\n\n");
    Path file = write("seed.key", key);
    PasswordCallback callback = mock(PasswordCallback.class);
    assertSslError("PEM", "UNSUPPORTED_ENCRYPTION",
        () -> PemFiles.loadIdentity(dir.resolve("leaf.crt"), file, callback));
    verifyNoInteractions(callback);
  }

  @Test
  void identityToString_showsSubjectAndAlgorithmButNoKeyMaterial() throws Exception {
    Identity id = PemFiles.loadIdentity(dir.resolve("leaf.crt"), dir.resolve("leaf.key"), null);
    String text = id.toString();
    assertMentions(new SslError("T", "T", text), "CN=leaf", "RSA");
    RSAPrivateCrtKey key = assertInstanceOf(RSAPrivateCrtKey.class, IdentityKeys.keyOf(id));
    for (BigInteger secret : List.of(key.getPrivateExponent(), key.getPrimeP(), key.getModulus())) {
      assertFalse(text.contains(secret.toString()), text);
      assertFalse(text.contains(secret.toString(16)), text);
    }
    String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
    assertFalse(text.contains(base64.substring(40, 60)), text);
  }
}
