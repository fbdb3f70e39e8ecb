package dev.pemtls.internal.jsse;

import java.io.IOException;
import java.net.InetAddress;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** Server sockets whose accepted connections carry the settings (see {@link ConfiguredServerSocket}). */
final class ConfiguredServerSocketFactory extends SSLServerSocketFactory {
  private final SSLServerSocketFactory bc;
  private final SocketConfigurer configurer;

  ConfiguredServerSocketFactory(SSLServerSocketFactory bc, SocketConfigurer configurer) {
    this.bc = bc;
    this.configurer = configurer;
  }

  private java.net.ServerSocket configured(java.net.ServerSocket s) throws IOException {
    return s instanceof SSLServerSocket
        ? new ConfiguredServerSocket(configurer.configure((SSLServerSocket) s), configurer) : s;
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
    return configured(bc.createServerSocket());
  }

  @Override
  public java.net.ServerSocket createServerSocket(int port) throws IOException {
    return configured(bc.createServerSocket(port));
  }

  @Override
  public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
    return configured(bc.createServerSocket(port, backlog));
  }

  @Override
  public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress)
      throws IOException {
    return configured(bc.createServerSocket(port, backlog, ifAddress));
  }
}
