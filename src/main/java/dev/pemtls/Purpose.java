package dev.pemtls;

/**
 * What a default context is for, Python's {@code ssl.Purpose}: {@link #SERVER_AUTH} makes a
 * client context that authenticates servers, {@link #CLIENT_AUTH} a server context that can
 * authenticate clients.
 */
public enum Purpose {
  SERVER_AUTH,
  CLIENT_AUTH
}
