package dev.pemtls;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds ClientHellos byte by byte, legal or deliberately broken, and reads what a server answers
 * on a raw socket: a ServerHello, an alert, or a close without one. A conformance suite's client
 * in miniature; nothing here is TLS beyond the first flight.
 */
public final class ClientHelloBuilder {
  static final int SERVER_NAME = 0;
  static final int SUPPORTED_GROUPS = 10;
  static final int SIGNATURE_ALGORITHMS = 13;
  static final int PADDING = 21;
  static final int RENEGOTIATION_INFO = 0xff01;
  static final int SUPPORTED_VERSIONS = 43;
  static final int KEY_SHARE = 51;

  int version = 0x0303;
  byte[] random = new byte[32];
  byte[] sessionId = new byte[32];
  List<Integer> suites = new ArrayList<>(List.of(0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f));
  byte[] compression = {0};
  final List<byte[]> extensions = new ArrayList<>();
  /** Bytes appended to the ClientHello body after the extensions (counted in its length). */
  byte[] trailing = new byte[0];

  /** A TLS 1.3-and-1.2 ClientHello that any modern server accepts, with an X25519 share. */
  public static ClientHelloBuilder modern() throws Exception {
    ClientHelloBuilder b = new ClientHelloBuilder();
    new SecureRandom().nextBytes(b.random);
    new SecureRandom().nextBytes(b.sessionId);
    b.extension(SERVER_NAME, serverName("localhost"));
    b.extension(SUPPORTED_GROUPS, list16(u16(0x001d), u16(0x0017)));
    b.extension(SIGNATURE_ALGORITHMS, list16(u16(0x0403), u16(0x0804), u16(0x0401),
        u16(0x0503), u16(0x0805)));
    b.extension(SUPPORTED_VERSIONS, list8(u16(0x0304), u16(0x0303)));
    b.extension(KEY_SHARE, list16(concat(u16(0x001d), vec16(x25519Public()))));
    b.extension(RENEGOTIATION_INFO, new byte[] {0});
    return b;
  }

  public ClientHelloBuilder extension(int type, byte[] data) {
    extensions.add(concat(u16(type), vec16(data)));
    return this;
  }

  /** An extension entry written exactly as given: type, then {@code raw} as length and data. */
  ClientHelloBuilder rawExtension(byte[] raw) {
    extensions.add(raw);
    return this;
  }

  /** Replaces the data of the first extension of {@code type}. */
  ClientHelloBuilder replace(int type, byte[] data) {
    for (int i = 0; i < extensions.size(); i++) {
      byte[] e = extensions.get(i);
      if (((e[0] & 0xff) << 8 | (e[1] & 0xff)) == type) {
        extensions.set(i, concat(u16(type), vec16(data)));
        return this;
      }
    }
    throw new IllegalArgumentException("no extension " + type);
  }

  /** The ClientHello body (without the 4-byte handshake header). */
  byte[] body() {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    byte[][] suiteBytes = suites.stream().map(ClientHelloBuilder::u16).toArray(byte[][]::new);
    write(s, u16(version), random, vec8(sessionId), vec16(concat(suiteBytes)), vec8(compression),
        vec16(concat(extensions.toArray(byte[][]::new))), trailing);
    return s.toByteArray();
  }

  /** The handshake message: type 1, 24-bit length, body. */
  public byte[] message() {
    byte[] body = body();
    return concat(new byte[] {1, (byte) (body.length >> 16), (byte) (body.length >> 8),
        (byte) body.length}, body);
  }

  /** The message in handshake records of at most {@code maxFragment} bytes each. */
  byte[] records(int maxFragment) {
    return records(message(), maxFragment, false);
  }

  /** As {@link #records(int)}, with an empty handshake record between any two. */
  static byte[] records(byte[] message, int maxFragment, boolean emptyBetween) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int off = 0; off < message.length; off += maxFragment) {
      int n = Math.min(maxFragment, message.length - off);
      write(out, new byte[] {22, 3, 1, (byte) (n >> 8), (byte) n},
          Arrays.copyOfRange(message, off, off + n));
      if (emptyBetween && off + n < message.length) {
        write(out, new byte[] {22, 3, 1, 0, 0});
      }
    }
    return out.toByteArray();
  }

  /** What the server sent first. */
  record Answer(int contentType, int handshakeType, int alertLevel, int alertDescription) {
    boolean serverHello() {
      return contentType == 22 && handshakeType == 2;
    }

    boolean alert() {
      return contentType == 21;
    }

    boolean closedSilently() {
      return contentType == -1;
    }

    @Override
    public String toString() {
      return serverHello() ? "ServerHello" : alert() ? "alert " + alertLevel + "/"
          + alertDescription : closedSilently() ? "closed without an alert" : "record type "
          + contentType;
    }
  }

  /** Sends {@code bytes} on a fresh connection to 127.0.0.1:port and reads the first answer. */
  static Answer send(int port, byte[] bytes) throws IOException {
    try (Socket s = new Socket(java.net.InetAddress.getByName("127.0.0.1"), port)) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        // the server may hang up before reading everything; its answer is still readable
      }
      return read(s.getInputStream());
    }
  }

  static Answer read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    try {
      byte[] header = new byte[5];
      in.readFully(header);
      int length = (header[3] & 0xff) << 8 | (header[4] & 0xff);
      byte[] fragment = new byte[Math.min(length, 4)];
      in.readFully(fragment);
      if (header[0] == 21) {
        return new Answer(21, -1, fragment[0], fragment.length > 1 ? fragment[1] & 0xff : -1);
      }
      return new Answer(header[0], fragment.length > 0 ? fragment[0] : -1, -1, -1);
    } catch (EOFException | java.net.SocketException e) {
      return new Answer(-1, -1, -1, -1);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server neither answered nor closed within 15 s", e);
    }
  }

  // --- encoding helpers ---

  static byte[] u16(int v) {
    return new byte[] {(byte) (v >> 8), (byte) v};
  }

  static byte[] vec8(byte[] data) {
    return concat(new byte[] {(byte) data.length}, data);
  }

  static byte[] vec16(byte[] data) {
    return concat(u16(data.length), data);
  }

  static byte[] list8(byte[]... items) {
    return vec8(concat(items));
  }

  static byte[] list16(byte[]... items) {
    return vec16(concat(items));
  }

  static byte[] serverName(String host) {
    return list16(concat(new byte[] {0}, vec16(host.getBytes(
        java.nio.charset.StandardCharsets.US_ASCII))));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, parts);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, byte[]... parts) {
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
  }

  private static byte[] x25519Public() throws Exception {
    byte[] spki = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic()
        .getEncoded();
    return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }
}
