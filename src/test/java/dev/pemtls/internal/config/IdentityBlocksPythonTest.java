package dev.pemtls.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.AcceptLoop;
import dev.pemtls.testing.NamedIdentities;
import dev.pemtls.testing.NamedIdentities.Leaf;
import dev.pemtls.testing.Peer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config's {@code identity.<label>.} blocks: identities chosen by the client's SNI, as
 * nginx's server blocks, and more key types for one name; a Python client as the peer.
 */
class IdentityBlocksPythonTest {
  private static final String ECDSA = "ECDHE-ECDSA-AES128-GCM-SHA256";
  private static final String RSA = "ECDHE-RSA-AES128-GCM-SHA256";

  @TempDir static Path dir;
  static NamedIdentities pki;
  static Leaf fallbackRsa;
  static Leaf fallbackEc;
  static Leaf aRsa;
  static Leaf aEc;
  static Leaf b;

  @BeforeAll
  static void identities() throws Exception {
    pki = new NamedIdentities(dir);
    fallbackRsa = pki.leaf("default.test", "RSA");
    fallbackEc = pki.leaf("default.test", "EC");
    aRsa = pki.leaf("a.test", "RSA");
    aEc = pki.leaf("a.test", "EC");
    b = pki.leaf("b.test", "RSA");
  }

  private static Path conf(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "pemtls", ".conf");
    Files.write(f, List.of(lines));
    return f;
  }

  private static String files(String prefix, Leaf leaf) {
    return prefix + "certfile=" + leaf.chain().getFileName() + "\n" + prefix + "keyfile="
        + leaf.key().getFileName();
  }

  @Test
  @Tag("peer") // needs python3
  void serverNames_chooseTheIdentityBySni_andKeyTypeByTheClient() throws Exception {
    Peer.require("python3", "the Python client");
    Path f = conf(files("", fallbackRsa), files("identity.ec.", fallbackEc),
        "identity.a.server_names=a.test", files("identity.a.", aRsa),
        "identity.a-ec.server_names=a.test, *.w.test", files("identity.a-ec.", aEc),
        "identity.b.server_names=B.test", files("identity.b.", b), "reload_interval=0");
    Configured c = Configured.build(Config.load(f.toString(), new Properties()), Map.of());
    List<String> cases = List.of("a.test|" + ECDSA + "|1.2", "a.test|" + RSA + "|1.2",
        "x.y.w.test||", "b.test||", "|" + ECDSA + "|1.2", "|" + RSA + "|1.2",
        "unknown.test|" + RSA + "|1.2", "w.test|" + ECDSA + "|1.2");
    List<String> got = new ArrayList<>();
    try (ServerSocket listener = c.defaultContext().getServerSocketFactory()
            .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        AcceptLoop loop = new AcceptLoop(listener, s -> {
          ((SSLSocket) s).startHandshake();
          s.getInputStream().read();
        })) {
      for (String line : NamedIdentities.pythonProbe(loop.port(), cases)) {
        got.add(line.startsWith("cert ") ? line.split(" ")[1] : line);
      }
    }
    assertEquals(List.of(aEc.sha256(), aRsa.sha256(), aEc.sha256(), b.sha256(),
        fallbackEc.sha256(), fallbackRsa.sha256(), fallbackRsa.sha256(), fallbackEc.sha256()),
        got, "cases " + cases);
  }

  @Test
  void unknownBlockKey_suggestsTheNearest() throws IOException {
    Path f = conf("identity.shop.certfil=x.pem");
    ProviderException e = assertThrows(ProviderException.class,
        () -> Config.load(f.toString(), new Properties()));
    assertTrue(e.getMessage().contains("unknown key 'identity.shop.certfil' (did you mean "
        + "'certfile'?)"), e.getMessage());
  }

  @Test
  void blockWithoutCertfile_isAnErrorNamingTheBlock() throws IOException {
    Path f = conf("identity.shop.server_names=shop.test");
    ProviderException e = assertThrows(ProviderException.class,
        () -> Config.load(f.toString(), new Properties()));
    assertTrue(e.getMessage().contains("the identity block 'shop' has no "
        + "identity.shop.certfile"), e.getMessage());
  }

  @Test
  void badServerName_isAnErrorNamingIt() throws IOException {
    Path f = conf("identity.shop.server_names=shop.test, bad_name!", "identity.shop.certfile=x");
    ProviderException e = assertThrows(ProviderException.class,
        () -> Config.load(f.toString(), new Properties()));
    assertTrue(e.getMessage().contains("key 'identity.shop.server_names': 'bad_name!' is not a "
        + "host name"), e.getMessage());
  }

  @Test
  void badLabel_isAnErrorShowingTheForm() throws IOException {
    Path f = conf("identity.certfile=x.pem");
    ProviderException e = assertThrows(ProviderException.class,
        () -> Config.load(f.toString(), new Properties()));
    assertTrue(e.getMessage().contains("needs the form identity.<label>.<key>"), e.getMessage());
  }
}
