package dev.pemtls.internal.pem;

import dev.pemtls.internal.identity.Identity;
import dev.pemtls.internal.identity.IdentityKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslError;
import dev.pemtls.testing.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SEC1 key that omits its curve takes it from the EC PARAMETERS block before it. */
@Tag("peer") // needs openssl, python3, curl or sslscan on the PATH
class EcParametersTest {
  @TempDir Path dir;

  @Test
  void loadIdentity_ecKeyWithoutCurve_usesPrecedingEcParametersBlock() throws Exception {
    OpenSsl.assumeAvailable();
    OpenSsl ssl = new OpenSsl(dir);
    ssl.run("ecparam", "-genkey", "-name", "prime256v1", "-out", "ec.key");
    ssl.selfSigned("ec.key", "ec", "ec.crt");
    List<PemBlock> blocks = PemTokenizer.blocks(Files.readAllBytes(dir.resolve("ec.key")), "k");
    assertEquals(List.of("EC PARAMETERS", "EC PRIVATE KEY"),
        blocks.stream().map(PemBlock::label).toList());

    ECPrivateKey full = ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(blocks.get(1).der()));
    byte[] bare = new ECPrivateKey(256, full.getKey(), full.getPublicKey(), null).getEncoded();
    String params = pem("EC PARAMETERS", blocks.get(0).der());
    String key = pem("EC PRIVATE KEY", bare);

    Path withParams = Files.writeString(dir.resolve("bare-with-params.key"), params + key);
    Identity id = PemFiles.loadIdentity(dir.resolve("ec.crt"), withParams, null);
    KeyFormsTest.assertSigns(IdentityKeys.keyOf(id), id);

    Path withoutParams = Files.writeString(dir.resolve("bare.key"), key);
    SslError e = assertThrows(SslError.class,
        () -> PemFiles.loadIdentity(dir.resolve("ec.crt"), withoutParams, null));
    assertEquals("ASN1_LIB", e.reason());
    assertTrue(e.getMessage().contains(withoutParams.toString()), e.getMessage());
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }
}
