package dev.pemtls;

/**
 * The negotiated cipher as Python's {@code SSLSocket.cipher()} returns it.
 *
 * @param name OpenSSL's name of the suite, e.g. {@code ECDHE-RSA-AES256-GCM-SHA384} or {@code
 *     TLS_AES_256_GCM_SHA384}
 * @param protocol the protocol version that defines the suite, OpenSSL's {@code
 *     SSL_CIPHER_get_version}: {@code TLSv1.3}, {@code TLSv1.2}, {@code TLSv1.0}
 * @param secretBits the number of secret bits of the cipher, e.g. 256
 */
public record CipherInfo(String name, String protocol, int secretBits) {}
