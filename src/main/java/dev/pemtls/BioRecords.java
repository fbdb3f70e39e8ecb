package dev.pemtls;

import dev.pemtls.internal.jsse.OfferedSuites;

/**
 * The TLS records in an {@link SslObject}'s incoming BIO, taken whole and one at a time, as
 * OpenSSL reads them without read-ahead: bytes after the last record needed stay in the BIO.
 */
final class BioRecords {
  private static final int MAX_RECORD = 5 + 16384 + 2048;

  private final MemoryBio incoming;
  private final OfferedSuites offered;

  /** @param offered server side: where the ClientHello's suites are noted; null for a client */
  BioRecords(MemoryBio incoming, OfferedSuites offered) {
    this.incoming = incoming;
    this.offered = offered;
  }

  /**
   * The next whole record, header included; null when the BIO holds none yet. Bytes that are no
   * TLS record header come back all at once, for the engine to reject.
   */
  byte[] next() {
    int available = incoming.pending();
    if (available < 5) {
      return null;
    }
    int type = incoming.peek(0);
    int length = (incoming.peek(3) << 8) | incoming.peek(4);
    int take;
    if (type < 20 || type > 24 || incoming.peek(1) != 3 || 5 + length > MAX_RECORD) {
      take = available;
    } else if (available < 5 + length) {
      return null;
    } else {
      take = 5 + length;
    }
    byte[] record = incoming.read(take);
    if (offered != null) {
      offered.record(record);
    }
    return record;
  }

  /** Whether no more bytes will come ({@link MemoryBio#writeEof()}). */
  boolean ended() {
    return incoming.eofWritten();
  }
}
