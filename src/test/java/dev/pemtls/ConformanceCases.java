package dev.pemtls;

import static dev.pemtls.ClientHelloBuilder.KEY_SHARE;
import static dev.pemtls.ClientHelloBuilder.PADDING;
import static dev.pemtls.ClientHelloBuilder.SIGNATURE_ALGORITHMS;
import static dev.pemtls.ClientHelloBuilder.SUPPORTED_GROUPS;
import static dev.pemtls.ClientHelloBuilder.SUPPORTED_VERSIONS;
import static dev.pemtls.ClientHelloBuilder.concat;
import static dev.pemtls.ClientHelloBuilder.list16;
import static dev.pemtls.ClientHelloBuilder.u16;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ClientHellos of the conformance tests, each with what RFC 8446/5246 require of a server:
 * a ServerHello for legal input, else the named alert before the connection closes.
 */
final class ConformanceCases {
  static final int DECODE_ERROR = 50;
  static final int ILLEGAL_PARAMETER = 47;
  static final int HANDSHAKE_FAILURE = 40;

  /** One case: the bytes on the wire and the alerts allowed (empty: a ServerHello). */
  record Case(String name, byte[] wire, Set<Integer> alerts) {
    boolean legal() {
      return alerts.isEmpty();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private ConformanceCases() {}

  /** Malformed extensions: wrong lengths, truncated contents, duplicates. */
  static List<Case> malformedExtensions() throws Exception {
    List<Case> c = new ArrayList<>();
    ClientHelloBuilder b = ClientHelloBuilder.modern();
    b.rawExtension(concat(u16(0x7a7a), u16(10), new byte[] {1, 2})); // says 10, has 2
    c.add(decodeError("extension length past the extensions block", b.records(16384)));

    b = ClientHelloBuilder.modern();
    b.replace(SUPPORTED_GROUPS, concat(u16(6), u16(0x001d))); // list says 6 bytes, holds 2
    c.add(decodeError("supported_groups list longer than its extension", b.records(16384)));

    b = ClientHelloBuilder.modern();
    b.replace(SUPPORTED_GROUPS, concat(u16(3), u16(0x001d), new byte[] {0})); // odd length
    c.add(decodeError("supported_groups list of odd length", b.records(16384)));

    b = ClientHelloBuilder.modern();
    b.replace(SUPPORTED_VERSIONS, new byte[] {5, 3, 4, 3, 3}); // says 5 bytes, holds 4
    c.add(decodeError("supported_versions list longer than its extension", b.records(16384)));

    b = ClientHelloBuilder.modern();
    b.replace(KEY_SHARE, concat(u16(40), u16(0x001d), u16(32), new byte[8]));
    c.add(decodeError("key_share entry truncated", b.records(16384)));

    b = ClientHelloBuilder.modern();
    b.replace(SIGNATURE_ALGORITHMS, concat(u16(3), u16(0x0403), new byte[] {1}));
    c.add(decodeError("signature_algorithms of odd length", b.records(16384)));

    b = ClientHelloBuilder.modern();
    b.replace(SIGNATURE_ALGORITHMS, u16(0));
    c.add(decodeError("signature_algorithms empty", b.records(16384)));

    b = ClientHelloBuilder.modern();
    b.extension(SUPPORTED_GROUPS, list16(u16(0x0017)));
    c.add(new Case("duplicate supported_groups", b.records(16384),
        Set.of(ILLEGAL_PARAMETER, DECODE_ERROR)));

    b = ClientHelloBuilder.modern();
    b.replace(ClientHelloBuilder.SERVER_NAME, concat(u16(9), new byte[] {0}, u16(20),
        "localhost".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    c.add(decodeError("server_name host name longer than its list", b.records(16384)));
    return c;
  }

  /** ClientHellos cut short, or whose parts run past the message. */
  static List<Case> truncated() throws Exception {
    List<Case> c = new ArrayList<>();
    ClientHelloBuilder b = ClientHelloBuilder.modern();
    byte[] body = b.body();
    // The handshake header claims fewer bytes than the extensions need.
    byte[] shortMsg = concat(new byte[] {1, 0, (byte) ((body.length - 20) >> 8),
        (byte) (body.length - 20)}, java.util.Arrays.copyOf(body, body.length - 20));
    c.add(decodeError("extensions running past the message",
        ClientHelloBuilder.records(shortMsg, 16384, false)));

    b = ClientHelloBuilder.modern();
    b.trailing = new byte[] {0, 0, 0};
    c.add(decodeError("bytes after the extensions", b.records(16384)));

    b = ClientHelloBuilder.modern();
    b.suites = new ArrayList<>();
    byte[] m = b.message(); // cipher_suites empty: a vector of at least 2 bytes
    c.add(new Case("empty cipher_suites", ClientHelloBuilder.records(m, 16384, false),
        Set.of(DECODE_ERROR, ILLEGAL_PARAMETER, HANDSHAKE_FAILURE)));

    b = ClientHelloBuilder.modern();
    b.sessionId = new byte[33];
    c.add(new Case("session_id of 33 bytes", b.records(16384),
        Set.of(DECODE_ERROR, ILLEGAL_PARAMETER)));

    byte[] cut = java.util.Arrays.copyOf(ClientHelloBuilder.modern().message(), 40);
    c.add(decodeError("message ends inside the random", concat(new byte[] {22, 3, 1, 0, 40},
        new byte[] {1, 0, 0, 36}, java.util.Arrays.copyOfRange(cut, 4, 40))));
    return c;
  }

  /** Legal but unusual ClientHellos: each must get a ServerHello. */
  static List<Case> unusualButLegal() throws Exception {
    List<Case> c = new ArrayList<>();
    c.add(legal("split into 1-byte records", ClientHelloBuilder.modern().records(1)));
    ClientHelloBuilder b = ClientHelloBuilder.modern();
    for (int i = 0; i < 12_000; i++) {
      b.suites.add(0, 0x1000 + i); // codes no one assigned, before the real ones
    }
    c.add(legal("12,000 cipher suites, the known ones last", b.records(16384)));
    b = ClientHelloBuilder.modern();
    b.extension(PADDING, new byte[30_000]); // 64 KiB: ConformanceTest, with the limit raised
    c.add(legal("30 KB padding extension, two records", b.records(16384)));
    c.add(legal("empty records interleaved", ClientHelloBuilder.records(
        ClientHelloBuilder.modern().message(), 100, true)));
    return c;
  }

  private static Case decodeError(String name, byte[] wire) {
    return new Case(name, wire, Set.of(DECODE_ERROR));
  }

  private static Case legal(String name, byte[] wire) {
    return new Case(name, wire, Set.of());
  }
}
