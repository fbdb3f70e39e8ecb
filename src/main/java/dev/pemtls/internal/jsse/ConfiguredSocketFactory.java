package dev.pemtls.internal.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** Client sockets with the settings applied. */
final class ConfiguredSocketFactory extends SSLSocketFactory {
  private final BcContext context;
  private final SocketConfigurer configurer;

  ConfiguredSocketFactory(BcContext context, SocketConfigurer configurer) {
    this.context = context;
    this.configurer = configurer;
  }

  /** BCJSSE's factory; asking for it builds the BCJSSE context on first use. */
  private SSLSocketFactory bc() {
    return context.socketFactory();
  }

  private Socket configured(Socket s) {
    return s instanceof SSLSocket
        ? new JsseSslSocket(configurer.configure((SSLSocket) s), configurer) : s;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return configurer.cipherSuites(bc().getDefaultCipherSuites());
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return bc().getSupportedCipherSuites();
  }

  /** Unconnected: the host to check comes from {@code connect} (see {@link JsseSslSocket}). */
  @Override
  public Socket createSocket() throws IOException {
    return configured(bc().createSocket());
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose)
      throws IOException {
    return configured(bc().createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(Socket s, InputStream consumed, boolean autoClose)
      throws IOException {
    return configured(bc().createSocket(s, consumed, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configured(bc().createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return configured(bc().createSocket(host, port, localHost, localPort));
  }

  /**
   * A socket connected by address only gets a host to check: the name the {@link InetAddress}
   * was created with, else its IP literal (checked against IP SANs). The plain socket connects to
   * the address as given and TLS is layered on it with that host, so nothing is looked up again
   * and there is never a reverse lookup.
   */
  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return layered(new Socket(host, port), host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    return layered(new Socket(address, port, localAddress, localPort), address, port);
  }

  private Socket layered(Socket plain, InetAddress address, int port) throws IOException {
    try {
      return configured(bc().createSocket(plain, givenHost(address), port, true));
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /**
   * The host name {@code address} was created with, or its IP literal: {@code toString()} is
   * "name/literal" and shows an empty name when there is none, without a reverse lookup (which
   * {@code getHostName()} would do).
   */
  static String givenHost(InetAddress address) {
    String text = address.toString();
    int slash = text.indexOf('/');
    return slash > 0 ? text.substring(0, slash) : address.getHostAddress();
  }
}
