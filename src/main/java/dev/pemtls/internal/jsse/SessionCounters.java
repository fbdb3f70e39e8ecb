package dev.pemtls.internal.jsse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSession;

/**
 * The handshake counters behind Python's {@code SSLContext.session_stats()}, for one context's
 * sockets and memory-BIO objects, and the one rule that says whether a handshake resumed.
 */
public final class SessionCounters {
  private final AtomicLong connect = new AtomicLong();
  private final AtomicLong connectGood = new AtomicLong();
  private final AtomicLong accept = new AtomicLong();
  private final AtomicLong acceptGood = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  /** A handshake began on this side. */
  public void started(boolean serverSide) {
    (serverSide ? accept : connect).incrementAndGet();
  }

  /**
   * A handshake completed; counts it and says whether it resumed.
   *
   * @param offered the session id the client offered: on the server the ClientHello's, on the
   *     client the id of the session passed to {@code wrapSocket}; null or empty for none
   * @return whether the handshake resumed that session
   */
  public boolean completed(boolean serverSide, SSLSession session, byte[] offered) {
    (serverSide ? acceptGood : connectGood).incrementAndGet();
    boolean resumed = resumed(session, offered);
    if (resumed) {
      hits.incrementAndGet();
    } else if (serverSide && offered != null && offered.length > 0
        && !"TLSv1.3".equals(session.getProtocol())) {
      misses.incrementAndGet();
    }
    return resumed;
  }

  /**
   * Whether {@code session} is the one the client offered: its id came back. TLS 1.2 and older
   * only; in TLS 1.3 the id is a compatibility echo, and BCJSSE 1.84 resumes no TLS 1.3 session.
   */
  static boolean resumed(SSLSession session, byte[] offered) {
    return offered != null && offered.length > 0 && !"TLSv1.3".equals(session.getProtocol())
        && Arrays.equals(offered, session.getId());
  }

  /** Python's dictionary, its keys in Python's order; {@code number} as given. */
  public Map<String, Long> snapshot(long number) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("number", number);
    m.put("connect", connect.get());
    m.put("connect_good", connectGood.get());
    m.put("connect_renegotiate", 0L);
    m.put("accept", accept.get());
    m.put("accept_good", acceptGood.get());
    m.put("accept_renegotiate", 0L);
    m.put("hits", hits.get());
    m.put("misses", misses.get());
    m.put("timeouts", 0L);
    m.put("cache_full", 0L);
    return m;
  }
}
