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
  private final BcContext bc;
  private final SocketConfigurer configurer;

  ConfiguredServerSocketFactory(BcContext bc, SocketConfigurer configurer) {
    this.bc = bc;
    this.configurer = configurer;
  }

  private java.net.ServerSocket configured(java.net.ServerSocket plain) throws IOException {
    SSLContext context = bc.get();
    return new LayeredServerSocket(plain, bc.socketFactory(), configurer,
        context.getDefaultSSLParameters(), context.getSupportedSSLParameters().getProtocols());
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return configurer.cipherSuites(bc.get().getServerSocketFactory().getDefaultCipherSuites());
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return bc.get().getServerSocketFactory().getSupportedCipherSuites();
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
