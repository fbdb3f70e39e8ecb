package dev.pemtls;

import java.util.Arrays;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import org.bouncycastle.jsse.BCExtendedSSLSession;

/**
 * Python's {@code ssl.SSLSession}: the session of a completed handshake, from {@link
 * SslSocket#session()} or {@link SslObject#session()}, to offer again with {@link
 * SslContext#wrapSocket(java.net.Socket, boolean, boolean, boolean, String, SslSession)} or
 * {@link SslContext#wrapBio(MemoryBio, MemoryBio, boolean, String, SslSession)}.
 *
 * <p>BCJSSE 1.84 resumes TLS 1.2 (and older) sessions by session id, as client and as server; it
 * neither sends nor accepts RFC 5077 tickets ({@link #hasTicket()} is false), and it resumes no
 * TLS 1.3 session: a TLS 1.3 session has an empty id, and offering it makes a full handshake.
 *
 * <p>Equal sessions have equal ids, as in Python. Holds no secret that {@link #toString()} shows.
 */
public final class SslSession {
  private final SslContext context;
  private final SSLContext snapshot;
  private final BCExtendedSSLSession bc;
  private final String serverHostname;

  SslSession(SslContext context, SSLContext snapshot, BCExtendedSSLSession bc,
      String serverHostname) {
    this.context = context;
    this.snapshot = snapshot;
    this.bc = bc;
    this.serverHostname = serverHostname;
  }

  /** Python's {@code id}: the session id; empty for a TLS 1.3 session. */
  public byte[] id() {
    return bc.getId();
  }

  /** Python's {@code time}: when the session was made, in seconds since the epoch. */
  public long time() {
    return bc.getCreationTime() / 1000;
  }

  /**
   * Python's {@code timeout}: how long, in seconds from {@link #time()}, the session may be
   * resumed: BCJSSE's session cache timeout, 86400 by default (OpenSSL's is 7200).
   */
  public long timeout() {
    javax.net.ssl.SSLSessionContext sessions = bc.getSessionContext();
    return sessions == null ? 0 : sessions.getSessionTimeout();
  }

  /** Python's {@code ticket_lifetime_hint}: always 0, BCJSSE 1.84 receives no tickets. */
  public long ticketLifetimeHint() {
    return 0;
  }

  /** Python's {@code has_ticket}: always false, BCJSSE 1.84 receives no tickets. */
  public boolean hasTicket() {
    return false;
  }

  SslContext context() {
    return context;
  }

  SSLContext snapshot() {
    return snapshot;
  }

  BCExtendedSSLSession bc() {
    return bc;
  }

  /** The server name of the connection the session was made on; null for none. */
  String serverHostname() {
    return serverHostname;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SslSession && Arrays.equals(((SslSession) o).id(), id());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(id());
  }

  @Override
  public String toString() {
    return "SslSession[id=" + HexFormat.of().formatHex(id()) + ", time=" + time() + ", "
        + bc.getProtocol() + "]";
  }
}
