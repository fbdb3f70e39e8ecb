package dev.pemtls.internal.reload;

import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;

/**
 * Clients on 127.0.0.1 that handshake over and over, each time on a new connection with a fresh
 * session (no resumption), recording which server certificate serial each handshake saw, when
 * each serial was first seen, and every failure.
 */
public final class HandshakeLoad implements AutoCloseable {
  /** One client handshake over {@code tcp}; returns the TLS socket after its handshake. */
  public interface Client {
    SSLSocket handshake(Socket tcp) throws Exception;
  }

  /** One completed handshake: the serial seen and when (System.nanoTime()). */
  public record Seen(String serial, long at) {}

  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicLong handshakes = new AtomicLong();
  private volatile boolean running = true;

  /** Starts {@code clients} threads against {@code port}, each pausing {@code pauseMs}. */
  public HandshakeLoad(int clients, int port, Client client, long pauseMs) {
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        while (running) {
          try (Socket tcp = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            tcp.setSoTimeout(30_000);
            SSLSocket tls = client.handshake(tcp);
            String serial = Served.serial(
                (X509Certificate) tls.getSession().getPeerCertificates()[0]);
            tls.getSession().invalidate();
            long now = System.nanoTime();
            firstSeen.putIfAbsent(serial, now);
            seen.add(new Seen(serial, now));
            handshakes.incrementAndGet();
            tls.close();
          } catch (Exception e) {
            if (running) {
              failures.add(e.toString());
            }
          }
          try {
            Thread.sleep(pauseMs);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "reload-client-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** When {@code serial} was first seen (System.nanoTime()), or null. */
  public Long firstSeen(String serial) {
    return firstSeen.get(serial);
  }

  /** Waits up to {@code timeoutMs} for a handshake seeing {@code serial}; its time or null. */
  public Long awaitSerial(String serial, long timeoutMs) throws InterruptedException {
    long end = System.nanoTime() + timeoutMs * 1_000_000;
    while (System.nanoTime() < end) {
      Long t = firstSeen.get(serial);
      if (t != null) {
        return t;
      }
      Thread.sleep(10);
    }
    return firstSeen.get(serial);
  }

  /** Serials of handshakes completed in [from, to] (System.nanoTime()). */
  public List<String> serialsBetween(long from, long to) {
    List<String> out = new ArrayList<>();
    for (Seen s : seen) {
      if (s.at() >= from && s.at() <= to) {
        out.add(s.serial());
      }
    }
    return out;
  }

  public long handshakes() {
    return handshakes.get();
  }

  public List<String> failures() {
    return new ArrayList<>(failures);
  }

  /** The distinct serials seen. */
  public java.util.Set<String> serials() {
    return firstSeen.keySet();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(30_000);
    }
  }
}
