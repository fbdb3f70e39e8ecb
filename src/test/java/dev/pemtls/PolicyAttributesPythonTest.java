package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.internal.demo.DemoPki;
import dev.pemtls.internal.trust.TestCrls;
import dev.pemtls.testing.Peer;
import dev.pemtls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's policy attributes that PemTLS has: {@code cert_store_stats()} counted as CPython
 * counts the same cafile and cadata (CAs, a leaf, a duplicate, a CRL), {@code security_level},
 * and the two BCJSSE cannot honour, {@code post_handshake_auth} and {@code num_tickets}, refused
 * when asked for, never ignored.
 */
@Tag("peer") // needs python3
class PolicyAttributesPythonTest {
  @TempDir Path dir;

  @Test
  void certStoreStats_countAsPythons_forCafileAndCadata() throws Exception {
    Peer.require("python3", "Python's cert_store_stats");
    TestPki pki = TestPki.withIntermediate(dir, "EC");
    String root = DemoPki.pem(pki.root.certificate());
    Path cafile = DemoPki.write(dir.resolve("mixed.pem"), root
        + DemoPki.pem(pki.intermediate.certificate()) + DemoPki.pem(pki.server.certificate())
        + root // the same root twice
        + TestCrls.pem(TestCrls.current(pki.root)));
    Path cadata = DemoPki.write(dir.resolve("cadata.pem"), DemoPki.pem(pki.client.certificate())
        + DemoPki.pem(pki.intermediate.certificate()));
    Peer py = Peer.command(List.of("python3", "-c", String.join("\n",
        "import json, ssl, sys",
        "c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
        "print(json.dumps(c.cert_store_stats()))",
        "c.load_verify_locations(cafile=sys.argv[1])",
        "print(json.dumps(c.cert_store_stats()))",
        "c.load_verify_locations(cadata=open(sys.argv[2]).read())",
        "print(json.dumps(c.cert_store_stats()))"), cafile.toString(), cadata.toString()))
        .separateStderr().run();
    assertEquals(0, py.exitValue(), py.toString());
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    String empty = json(ctx.certStoreStats());
    ctx.loadVerifyLocations(cafile, null, null);
    String afterCafile = json(ctx.certStoreStats());
    ctx.loadVerifyLocations(null, null, Files.readString(cadata));
    assertEquals(py.lines(), List.of(empty, afterCafile, json(ctx.certStoreStats())));
  }

  @Test
  void securityLevel_isTheCipherStringsLevel_asPythonsSecurityLevel() throws Exception {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    assertEquals(2, ctx.securityLevel()); // Python's default string sets @SECLEVEL=2
    ctx.setCiphers("DEFAULT");
    assertEquals(1, ctx.securityLevel()); // OpenSSL's own default
    ctx.setCiphers("HIGH:@SECLEVEL=3");
    assertEquals(3, ctx.securityLevel());
  }

  @Test
  void postHandshakeAuth_andTickets_areRefusedWhenAskedFor() {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    assertFalse(ctx.postHandshakeAuth());
    ctx.setPostHandshakeAuth(false);
    IllegalArgumentException pha = assertThrows(IllegalArgumentException.class,
        () -> ctx.setPostHandshakeAuth(true));
    assertTrue(pha.getMessage().contains("post-handshake"), pha.getMessage());
    assertEquals(0, ctx.numTickets());
    ctx.setNumTickets(0);
    IllegalArgumentException tickets = assertThrows(IllegalArgumentException.class,
        () -> ctx.setNumTickets(2));
    assertTrue(tickets.getMessage().startsWith("num_tickets 2 cannot be set"),
        tickets.getMessage());
  }

  /** Python's json.dumps of a dict of ints, for the comparison. */
  private static String json(Map<String, Integer> stats) {
    StringBuilder b = new StringBuilder("{");
    stats.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append('"').append(k)
        .append("\": ").append(v));
    return b.append('}').toString();
  }
}
