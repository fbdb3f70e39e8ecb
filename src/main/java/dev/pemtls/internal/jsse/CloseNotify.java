package dev.pemtls.internal.jsse;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The second half of Python's {@code unwrap()} ({@code SSL_shutdown} until the peer's
 * close_notify) for the case BCJSSE cannot do: after sending our close_notify, BCJSSE reads no
 * more records, so the peer's reply is consumed here, off the plain socket, record by record and
 * never further, so that what follows it is left for cleartext use.
 *
 * <p>The records are not decrypted. Anything the peer sent before its close_notify is discarded,
 * as OpenSSL does. The close_notify is recognised by its record: in TLS 1.2 and earlier the
 * first alert record; in TLS 1.3, where every record looks like application data, the first
 * record exactly as long as an encrypted two-byte alert (2 + 1 content type + AEAD tag). A
 * two-byte application-data record still in flight when {@code unwrap()} is called would be
 * taken for it: protocols that unwrap should, like STARTTLS, stop sending data first.
 */
public final class CloseNotify {
  private static final int ALERT = 21;
  private static final int APPLICATION_DATA = 23;

  private CloseNotify() {}

  /**
   * Whether a record of this content type and length is taken for the peer's close_notify (see
   * the class comment), for callers that frame the records themselves.
   */
  public static boolean isCloseNotify(int type, int length, boolean tls13, int tagLength) {
    return type == ALERT || tls13 && type == APPLICATION_DATA && length == 2 + 1 + tagLength;
  }

  /** The AEAD tag length of a TLS 1.3 suite: 8 for the CCM_8 suites, else 16. */
  public static int tagLength(String cipherSuite) {
    return cipherSuite.endsWith("CCM_8_SHA256") ? 8 : 16;
  }

  /**
   * Reads records from {@code in} up to and including the peer's close_notify.
   *
   * @param tls13 whether TLS 1.3 was negotiated
   * @param tagLength the AEAD tag length of the negotiated TLS 1.3 suite (16, or 8 for CCM_8)
   * @throws EOFException when the peer closes the connection first
   */
  static void consume(InputStream in, boolean tls13, int tagLength) throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] header = new byte[5];
    while (true) {
      data.readFully(header);
      int type = header[0] & 0xff;
      int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
      data.readFully(new byte[length]);
      if (isCloseNotify(type, length, tls13, tagLength)) {
        return;
      }
      if (type < 20 || type > 24) {
        throw new IOException("not a TLS record (content type " + type + ") while waiting for "
            + "the peer's close_notify");
      }
    }
  }
}
