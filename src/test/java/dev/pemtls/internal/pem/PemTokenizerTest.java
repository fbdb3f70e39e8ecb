package dev.pemtls.internal.pem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pemtls.SslError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM framing rules and input limits, without any cryptography. */
class PemTokenizerTest {
  @TempDir Path tmp;

  private static List<PemBlock> blocks(String text) throws SslError {
    return PemTokenizer.blocks(text.getBytes(StandardCharsets.ISO_8859_1), "test.pem");
  }

  @Test
  void blocks_crlfAndTrailingBlanks_areTolerated() throws Exception {
    List<PemBlock> blocks = blocks("intro\r\n-----BEGIN FOO-----  \r\nAAEC\r\nAw==\r\n"
        + "-----END FOO-----\r\n");
    assertEquals(1, blocks.size());
    assertEquals("FOO", blocks.get(0).label());
    assertArrayEquals(new byte[] {0, 1, 2, 3}, blocks.get(0).der());
  }

  @Test
  void blocks_legacyHeaders_areParsedAndSeparatedFromBody() throws Exception {
    PemBlock block = blocks("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
        + "DEK-Info: AES-128-CBC,00\n\nAAEC\n-----END RSA PRIVATE KEY-----\n").get(0);
    assertTrue(block.hasLegacyEncryption());
    assertEquals("AES-128-CBC,00", block.headers().get("DEK-Info"));
    assertEquals(3, block.der().length);
  }

  @Test
  void blocks_mismatchedEndLine_raisesBadEndLine() {
    SslError e = assertThrows(SslError.class,
        () -> blocks("-----BEGIN FOO-----\nAAEC\n-----END BAR-----\n"));
    assertEquals("BAD_END_LINE", e.reason());
    assertTrue(e.getMessage().contains("block #1") && e.getMessage().contains("test.pem"));
  }

  @Test
  void blocks_unpaddedBase64_raisesBadBase64Decode() {
    SslError e = assertThrows(SslError.class,
        () -> blocks("-----BEGIN FOO-----\nAAE\n-----END FOO-----\n"));
    assertEquals("BAD_BASE64_DECODE", e.reason());
  }

  @Test
  void blocks_absurdBlockCount_refused() {
    String block = "-----BEGIN A-----\n-----END A-----\n";
    SslError e = assertThrows(SslError.class,
        () -> blocks(block.repeat(PemTokenizer.MAX_BLOCKS + 1)));
    assertEquals("TOO_MANY_BLOCKS", e.reason());
  }

  @Test
  void readCaFile_fileOver32MiB_refusedWithoutParsing() throws IOException {
    Path big = tmp.resolve("big.pem");
    try (OutputStream out = Files.newOutputStream(big)) {
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i <= 32; i++) {
        out.write(chunk);
      }
    }
    SslError e = assertThrows(SslError.class, () -> PemFiles.readCaFile(big));
    assertEquals("SYS: FILE_TOO_LARGE", e.library() + ": " + e.reason());
    assertTrue(e.getMessage().contains(big.toString()));
  }
}
