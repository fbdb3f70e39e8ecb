package dev.pemtls.internal.ciphers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pemtls.SslError;
import dev.pemtls.fuzz.Mutations;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Jazzer fuzz target for the OpenSSL cipher-string engine: only SslError may escape. */
class CipherStringFuzzTargets {
  private static final List<byte[]> TEMPLATES = List.of(
      bytes("@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1"),
      bytes("DEFAULT:@SECLEVEL=0:+RSA:-kRSA"), bytes("ALL:COMPLEMENTOFALL:@STRENGTH"),
      bytes("HIGH:!MEDIUM:!LOW:!EXP:TLSv1.2:SUITEB128"), bytes("ECDHE-RSA-AES128-GCM-SHA256"),
      bytes("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"));

  @FuzzTest(maxDuration = "2h")
  void cipherStrings(byte[] data) {
    String s = new String(Mutations.apply(TEMPLATES, data), StandardCharsets.ISO_8859_1);
    try {
      CipherConfig.of(s).dicts();
    } catch (SslError expected) {
      // "No cipher can be selected." and friends
    }
    try {
      CipherConfig.of("DEFAULT").withCiphersuites(s);
    } catch (SslError expected) {
      // an unknown TLS 1.3 suite name
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
