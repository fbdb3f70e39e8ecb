package dev.pemtls.internal.pem;

import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.identity.IdentityKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.PasswordCallback;
import dev.pemtls.SslError;
import dev.pemtls.testing.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every private key form users get from the openssl command line loads, becomes a JDK-native key
 * and signs with the JDK's Signature. Keys are generated once for the class.
 */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class KeyFormsTest {
  static final String PASSWORD = "s3cret-pass";

  /** A key file in some form, with the certificate of its key. */
  record Form(String keyFile, String certFile, boolean encrypted, String jdkAlgorithm) {}

  @TempDir static Path dir;
  static final Map<String, Form> FORMS = new LinkedHashMap<>();
  /** Forms this machine's openssl cannot write (e.g. DES without the legacy provider). */
  static final List<String> UNAVAILABLE = new ArrayList<>();

  static final List<String> ENCRYPTED_FORMS = List.of(
      "rsa-pkcs8-pbes2-default", "rsa-pkcs8-pbes2-aes128-sha1", "rsa-pkcs8-pbes2-aes192-sha512",
      "rsa-pkcs8-pbes2-des3", "rsa-pkcs8-pbes2-camellia256", "rsa-pkcs8-scrypt",
      "rsa-pkcs8-v1-sha1-3des", "rsa-pkcs8-v1-sha1-2des", "rsa-pkcs8-v1-md5-des",
      "rsa-pkcs8-v1-sha1-des", "rsa-pkcs8-v1-sha1-rc2-128",
      "rsa-legacy-aes128", "rsa-legacy-aes192", "rsa-legacy-aes256", "rsa-legacy-des3",
      "rsa-legacy-des", "ec-legacy-aes256", "ec-p384-pkcs8-pbes2", "ed25519-pkcs8-pbes2",
      "dsa-legacy-aes128");

  static final List<String> PLAIN_FORMS = List.of(
      "rsa-pkcs8", "rsa-pkcs1", "ec-sec1-ecparam", "ec-sec1", "ec-pkcs8", "ec-p384-sec1",
      "ec-p521-pkcs8", "ed25519-pkcs8", "ed448-pkcs8", "rsapss-pkcs8", "dsa-pkcs8",
      "dsa-traditional");

  static Stream<String> allForms() {
    return Stream.concat(PLAIN_FORMS.stream(), ENCRYPTED_FORMS.stream());
  }

  static Stream<String> encryptedForms() {
    return ENCRYPTED_FORMS.stream();
  }

  @BeforeAll
  static void generateKeys() throws Exception {
    OpenSsl.assumeAvailable();
    OpenSsl ssl = new OpenSsl(dir);
    String pass = "pass:" + PASSWORD;

    ssl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
    ssl.selfSigned("rsa.key", "rsa", "rsa.crt");
    plain("rsa-pkcs8", "rsa.key", "rsa.crt", "RSA");
    ssl.run("rsa", "-in", "rsa.key", "-traditional", "-out", "rsa-pkcs1.key");
    plain("rsa-pkcs1", "rsa-pkcs1.key", "rsa.crt", "RSA");

    topk8(ssl, "rsa-pkcs8-pbes2-default", "rsa", pass);
    topk8(ssl, "rsa-pkcs8-pbes2-aes128-sha1", "rsa", pass, "-v2", "aes-128-cbc", "-v2prf",
        "hmacWithSHA1");
    topk8(ssl, "rsa-pkcs8-pbes2-aes192-sha512", "rsa", pass, "-v2", "aes-192-cbc", "-v2prf",
        "hmacWithSHA512");
    topk8(ssl, "rsa-pkcs8-pbes2-des3", "rsa", pass, "-v2", "des3");
    topk8(ssl, "rsa-pkcs8-pbes2-camellia256", "rsa", pass, "-v2", "camellia-256-cbc");
    topk8(ssl, "rsa-pkcs8-scrypt", "rsa", pass, "-scrypt");
    topk8(ssl, "rsa-pkcs8-v1-sha1-3des", "rsa", pass, "-v1", "PBE-SHA1-3DES");
    topk8(ssl, "rsa-pkcs8-v1-sha1-2des", "rsa", pass, "-v1", "PBE-SHA1-2DES");
    topk8(ssl, "rsa-pkcs8-v1-md5-des", "rsa", pass, "-v1", "PBE-MD5-DES");
    topk8(ssl, "rsa-pkcs8-v1-sha1-des", "rsa", pass, "-v1", "PBE-SHA1-DES");
    topk8(ssl, "rsa-pkcs8-v1-sha1-rc2-128", "rsa", pass, "-v1", "PBE-SHA1-RC2-128");
    for (String cipher : List.of("aes128", "aes192", "aes256", "des3", "des")) {
      legacy(ssl, "rsa", "rsa-legacy-" + cipher, "rsa", pass, "-" + cipher);
    }

    // ecparam -genkey writes an EC PARAMETERS block before the EC PRIVATE KEY.
    ssl.run("ecparam", "-genkey", "-name", "prime256v1", "-out", "ec-ecparam.key");
    ssl.run("ec", "-in", "ec-ecparam.key", "-out", "ec.key");
    ssl.selfSigned("ec.key", "ec", "ec.crt");
    plain("ec-sec1-ecparam", "ec-ecparam.key", "ec.crt", "EC");
    plain("ec-sec1", "ec.key", "ec.crt", "EC");
    ssl.run("pkcs8", "-topk8", "-nocrypt", "-in", "ec.key", "-out", "ec-pkcs8.key");
    plain("ec-pkcs8", "ec-pkcs8.key", "ec.crt", "EC");
    legacy(ssl, "ec", "ec-legacy-aes256", "ec", pass, "-aes256");

    ssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp384r1", "-out",
        "ec384.key");
    ssl.selfSigned("ec384.key", "ec384", "ec384.crt");
    ssl.run("ec", "-in", "ec384.key", "-out", "ec384-sec1.key");
    plain("ec-p384-sec1", "ec384-sec1.key", "ec384.crt", "EC");
    topk8(ssl, "ec-p384-pkcs8-pbes2", "ec384", pass);

    ssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp521r1", "-out",
        "ec521.key");
    ssl.selfSigned("ec521.key", "ec521", "ec521.crt");
    plain("ec-p521-pkcs8", "ec521.key", "ec521.crt", "EC");

    ssl.run("genpkey", "-algorithm", "ED25519", "-out", "ed25519.key");
    ssl.selfSigned("ed25519.key", "ed25519", "ed25519.crt");
    plain("ed25519-pkcs8", "ed25519.key", "ed25519.crt", "Ed25519");
    topk8(ssl, "ed25519-pkcs8-pbes2", "ed25519", pass);

    ssl.run("genpkey", "-algorithm", "ED448", "-out", "ed448.key");
    ssl.selfSigned("ed448.key", "ed448", "ed448.crt");
    plain("ed448-pkcs8", "ed448.key", "ed448.crt", "Ed448");

    ssl.run("genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
        "rsapss.key");
    ssl.selfSigned("rsapss.key", "rsapss", "rsapss.crt");
    plain("rsapss-pkcs8", "rsapss.key", "rsapss.crt", "RSASSA-PSS");

    ssl.run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048",
        "-out", "dsa.params");
    ssl.run("genpkey", "-paramfile", "dsa.params", "-out", "dsa.key");
    ssl.selfSigned("dsa.key", "dsa", "dsa.crt");
    plain("dsa-pkcs8", "dsa.key", "dsa.crt", "DSA");
    ssl.run("pkey", "-in", "dsa.key", "-traditional", "-out", "dsa-traditional.key");
    plain("dsa-traditional", "dsa-traditional.key", "dsa.crt", "DSA");
    legacy(ssl, "dsa", "dsa-legacy-aes128", "dsa", pass, "-aes128");
  }

  private static void plain(String name, String key, String cert, String jdkAlgorithm) {
    FORMS.put(name, new Form(key, cert, false, jdkAlgorithm));
  }

  private static void topk8(OpenSsl ssl, String name, String base, String pass, String... opts)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("pkcs8", "-topk8", "-in", base + ".key",
        "-passout", pass, "-out", name + ".key"));
    args.addAll(List.of(opts));
    register(ssl.runMaybeLegacy(args.toArray(String[]::new)), name, base);
  }

  /** Traditional key encrypted with Proc-Type/DEK-Info headers ({@code openssl rsa -aes256}). */
  private static void legacy(OpenSsl ssl, String tool, String name, String base, String pass,
      String cipher) throws Exception {
    String command = tool.equals("dsa") ? "pkey" : tool;
    String[] args = {command, "-in", base + ".key", "-traditional", cipher, "-passout", pass,
        "-out", name + ".key"};
    // OpenSSL 3 without the legacy provider silently writes -des keys unencrypted.
    boolean ok = ssl.tryRun(args) && isEncrypted(name);
    if (!ok) {
      ok = ssl.tryRunWithLegacyProvider(args) && isEncrypted(name);
    }
    register(ok, name, base);
  }

  private static boolean isEncrypted(String name) throws java.io.IOException {
    return java.nio.file.Files.readString(dir.resolve(name + ".key"))
        .contains("Proc-Type: 4,ENCRYPTED");
  }

  private static void register(boolean ok, String name, String base) {
    if (!ok) {
      UNAVAILABLE.add(name);
      return;
    }
    String alg = FORMS.values().stream().filter(f -> f.certFile().equals(base + ".crt"))
        .findFirst().orElseThrow().jdkAlgorithm();
    FORMS.put(name, new Form(name + ".key", base + ".crt", true, alg));
  }

  static Form form(String name) {
    Assumptions.assumeFalse(UNAVAILABLE.contains(name),
        "openssl on this machine cannot write " + name);
    Form form = FORMS.get(name);
    assertTrue(form != null, "form not generated: " + name);
    return form;
  }

  static PasswordCallback password(String value) {
    return () -> value.toCharArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allForms")
  void loadIdentity_eachKeyForm_loadsJdkNativeKeyThatSigns(String name) throws Exception {
    Form form = form(name);
    Identity id = PemFiles.loadIdentity(dir.resolve(form.certFile()), dir.resolve(form.keyFile()),
        form.encrypted() ? password(PASSWORD) : null);

    PrivateKey key = IdentityKeys.keyOf(id);
    assertTrue(key.getClass().getName().startsWith("sun."),
        "not a JDK key: " + key.getClass().getName());
    assertEquals(form.jdkAlgorithm(), key.getAlgorithm().equals("EdDSA")
        ? form.jdkAlgorithm() : key.getAlgorithm());
    assertSigns(key, id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encryptedForms")
  void loadIdentity_wrongPassword_raisesBadDecrypt(String name) throws Exception {
    Form form = form(name);
    Path keyFile = dir.resolve(form.keyFile());
    SslError e = assertThrows(SslError.class, () -> PemFiles.loadIdentity(
        dir.resolve(form.certFile()), keyFile, password("not-the-password")));
    assertEquals("EVP", e.library(), e.getMessage());
    assertEquals("BAD_DECRYPT", e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(keyFile.toString()), e.getMessage());
    assertTrue(!e.getMessage().contains("not-the-password"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encryptedForms")
  void loadIdentity_encryptedKey_callsCallbackOnceAndClearsArray(String name) throws Exception {
    Form form = form(name);
    AtomicInteger calls = new AtomicInteger();
    List<char[]> returned = new ArrayList<>();
    PasswordCallback callback = () -> {
      calls.incrementAndGet();
      char[] pw = PASSWORD.toCharArray();
      returned.add(pw);
      return pw;
    };
    PemFiles.loadIdentity(dir.resolve(form.certFile()), dir.resolve(form.keyFile()), callback);
    assertEquals(1, calls.get());
    assertArrayEquals(new char[PASSWORD.length()], returned.get(0));
    // Decryption used BouncyCastle, but only through the private instance.
    assertNull(java.security.Security.getProvider("BC"), "BouncyCastle was registered globally");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encryptedForms")
  void loadIdentity_encryptedKeyWithoutPassword_asksForPassword(String name) throws Exception {
    Form form = form(name);
    SslError e = assertThrows(SslError.class, () -> PemFiles.loadIdentity(
        dir.resolve(form.certFile()), dir.resolve(form.keyFile()), null));
    assertEquals("BAD_PASSWORD_READ", e.reason());
    assertTrue(e.getMessage().contains("is encrypted but no password was given"),
        e.getMessage());
  }

  static void assertSigns(PrivateKey key, Identity id) throws Exception {
    byte[] data = "to be signed".getBytes(StandardCharsets.US_ASCII);
    Signature signer = signature(key.getAlgorithm());
    signer.initSign(key);
    signer.update(data);
    byte[] sig = signer.sign();
    Signature verifier = signature(key.getAlgorithm());
    verifier.initVerify(id.leaf().getPublicKey());
    verifier.update(data);
    assertTrue(verifier.verify(sig), "signature does not verify with the certificate's key");
    assertTrue(signer.getProvider().getName().toLowerCase().startsWith("sun"),
        "signed by " + signer.getProvider().getName());
  }

  private static Signature signature(String keyAlgorithm) throws Exception {
    switch (keyAlgorithm) {
      case "RSA":
        return Signature.getInstance("SHA256withRSA");
      case "RSASSA-PSS": {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        return s;
      }
      case "EC":
        return Signature.getInstance("SHA256withECDSA");
      case "DSA":
        return Signature.getInstance("SHA256withDSA");
      default:
        return Signature.getInstance(keyAlgorithm); // Ed25519, Ed448, EdDSA
    }
  }
}
