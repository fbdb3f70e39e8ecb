package dev.pemtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.testing.Loopback;
import dev.pemtls.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code setOptions} accepts and refuses, and how the version flags cut the range. */
class OptionsTest {
  private static final List<String> ALL_VERSIONS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1",
      "TLSv1");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"OP_NO_SSLv3", "OP_NO_COMPRESSION", "OP_ENABLE_MIDDLEBOX_COMPAT",
      "OP_NO_RENEGOTIATION", "OP_NO_TICKET", "OP_LEGACY_SERVER_CONNECT"})
  void clearingWhatBcjsseAlwaysDoes_isRefused_andChangesNothing(String name) {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    Options before = ctx.options();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ctx.setOptions(before.without(Options.named(name))));
    assertTrue(e.getMessage().startsWith(name + " cannot be cleared: "), e.getMessage());
    assertEquals(before, ctx.options());
  }

  @Test
  void ignoreUnexpectedEof_andUnknownBits_areRefused() {
    SslContext ctx = new SslContext(Protocol.TLS_CLIENT);
    String eof = assertThrows(IllegalArgumentException.class,
        () -> ctx.setOptions(ctx.options().with(Options.IGNORE_UNEXPECTED_EOF))).getMessage();
    assertTrue(eof.contains("suppressRaggedEofs"), eof);
    String ktls = assertThrows(IllegalArgumentException.class, () -> Options.of(0x8))
        .getMessage();
    assertTrue(ktls.contains("0x8"), ktls);
    assertThrows(IllegalArgumentException.class, () -> Options.named("OP_ENABLE_KTLS"));
  }

  @Test
  void bugWorkarounds_andCipherServerPreference_canBeCleared() {
    SslContext ctx = new SslContext(Protocol.TLS_SERVER);
    Options less = ctx.options().without(Options.ALL).without(Options.CIPHER_SERVER_PREFERENCE);
    ctx.setOptions(less);
    assertEquals(less, ctx.options());
    assertEquals("OP_NO_SSLv3|OP_NO_RENEGOTIATION|OP_NO_TICKET|OP_NO_COMPRESSION|"
        + "OP_ENABLE_MIDDLEBOX_COMPAT|OP_LEGACY_SERVER_CONNECT", less.toString());
  }

  @Test
  void versionFlags_keepTheLowestRunWithoutAGap_asOpenSsl() {
    assertEquals(List.of("TLSv1"), OptionRules.protocols(ALL_VERSIONS, Options.NO_TLSv1_1));
    assertEquals(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1"),
        OptionRules.protocols(ALL_VERSIONS, Options.NO_TLSv1));
    assertEquals(List.of("TLSv1.3"), OptionRules.protocols(List.of("TLSv1.3", "TLSv1.2"),
        Options.NO_TLSv1_2));
    assertEquals(List.of(), OptionRules.protocols(List.of("TLSv1.3", "TLSv1.2"),
        Options.NO_TLSv1_2.with(Options.NO_TLSv1_3)));
  }

  @Test
  void noVersionLeft_failsTheHandshake_withAnSslError() throws Exception {
    TestPki pki = new TestPki(dir, "EC");
    SslContext client = pki.clientContext();
    client.setOptions(client.options().with(Options.NO_TLSv1_2).with(Options.NO_TLSv1_3));
    try (Loopback server = Loopback.echo(pki.serverContext(VerifyMode.CERT_NONE))) {
      assertThrows(SslError.class, () -> client.wrapSocket(server.connect(), false,
          "localhost"));
    }
  }
}
