package dev.pemtls.internal.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** Client sockets with the settings applied. */
final class ConfiguredSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory bc;
  private final SocketConfigurer configurer;

  ConfiguredSocketFactory(SSLSocketFactory bc, SocketConfigurer configurer) {
    this.bc = bc;
    this.configurer = configurer;
  }

  private Socket configured(Socket s) {
    return s instanceof SSLSocket ? new JsseSslSocket(configurer.configure((SSLSocket) s)) : s;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return configurer.cipherSuites(bc.getDefaultCipherSuites());
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return bc.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    Socket s = bc.createSocket();
    return s instanceof SSLSocket
        ? new JsseSslSocket(configurer.configureUnconnected((SSLSocket) s)) : s;
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose)
      throws IOException {
    return configured(bc.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(Socket s, InputStream consumed, boolean autoClose)
      throws IOException {
    return configured(bc.createSocket(s, consumed, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configured(bc.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return configured(bc.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configured(bc.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    return configured(bc.createSocket(address, port, localAddress, localPort));
  }
}
