package dev.pemtls.internal.jsse;

import java.io.IOException;
import java.net.InetAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * Server sockets whose accepted connections carry the settings: {@link LayeredServerSocket}s
 * over plain server sockets.
 */
final class ConfiguredServerSocketFactory extends SSLServerSocketFactory {
  private final SSLServerSocketFactory bc;
  private final SSLContext context;
  private final SocketConfigurer configurer;

  ConfiguredServerSocketFactory(SSLContext context, SocketConfigurer configurer) {
    this.bc = context.getServerSocketFactory();
    this.context = context;
    this.configurer = configurer;
  }

  private java.net.ServerSocket configured(java.net.ServerSocket plain) throws IOException {
    return new LayeredServerSocket(plain, context.getSocketFactory(), configurer,
        context.getDefaultSSLParameters(), context.getSupportedSSLParameters().getProtocols());
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
  public java.net.ServerSocket createServerSocket() throws IOException {
    return configured(new java.net.ServerSocket());
  }

  @Override
  public java.net.ServerSocket createServerSocket(int port) throws IOException {
    return configured(new java.net.ServerSocket(port));
  }

  @Override
  public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
    return configured(new java.net.ServerSocket(port, backlog));
  }

  @Override
  public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress)
      throws IOException {
    return configured(new java.net.ServerSocket(port, backlog, ifAddress));
  }
}
