package dev.pemtls.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay on loopback between one TLS client and one server that passes every record
 * through unchanged, until a direction is {@linkplain #arm armed}: then it flips one bit in the
 * last byte (inside the AEAD tag) of the next {@code application_data} record going that way, as
 * an attacker on the path would, and goes back to passing records through.
 */
public final class TamperingRelay implements AutoCloseable {
  private static final int APPLICATION_DATA = 23;

  private final ServerSocket listener;
  private final int target;
  private final AtomicBoolean toServer = new AtomicBoolean();
  private final AtomicBoolean toClient = new AtomicBoolean();
  private final AtomicBoolean flipped = new AtomicBoolean();
  private volatile Socket client;
  private volatile Socket server;

  /** Listens on a free loopback port and relays its first connection to {@code targetPort}. */
  public TamperingRelay(int targetPort) throws IOException {
    this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.target = targetPort;
    Thread t = new Thread(this::run, "tampering-relay");
    t.setDaemon(true);
    t.start();
  }

  /** The port the client connects to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Alter the next application_data record from client to server ({@code true}) or back. */
  public void arm(boolean clientToServer) {
    (clientToServer ? toServer : toClient).set(true);
  }

  /**
   * Whether a record has been altered. Close the relay only after both peers are done: closing
   * it drops whatever is still on its way (an alert, say).
   */
  public boolean flipped() {
    return flipped.get();
  }

  private void run() {
    try {
      client = listener.accept();
      server = new Socket(InetAddress.getLoopbackAddress(), target);
      Thread up = new Thread(() -> pump(client, server, toServer), "relay-to-server");
      up.setDaemon(true);
      up.start();
      pump(server, client, toClient);
    } catch (IOException e) {
      // closed
    }
  }

  private void pump(Socket from, Socket to, AtomicBoolean armed) {
    try {
      DataInputStream in = new DataInputStream(from.getInputStream());
      OutputStream out = to.getOutputStream();
      byte[] header = new byte[5];
      while (true) {
        try {
          in.readFully(header);
        } catch (EOFException e) {
          break; // pass the half-close on; the other direction goes on
        }
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        byte[] body = new byte[length];
        in.readFully(body);
        if (header[0] == APPLICATION_DATA && length > 0 && armed.compareAndSet(true, false)) {
          body[length - 1] ^= 0x01;
          flipped.set(true);
        }
        out.write(header);
        out.write(body);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      try {
        to.shutdownOutput(); // a reset on one side: what was relayed still reaches the other
      } catch (IOException ignored) {
        // closed already
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : new Socket[] {client, server}) {
      if (s != null) {
        s.close();
      }
    }
  }
}
