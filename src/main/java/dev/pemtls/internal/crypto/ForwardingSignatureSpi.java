package dev.pemtls.internal.crypto;

import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;

/**
 * A {@code SignatureSpi} whose data and result calls go to another {@link Signature}: the base of
 * PemTLS's private signature providers ({@link PssSignatures}, {@link EcdsaSignatures}), which
 * differ only in which signature they initialise and with which key and parameters.
 */
abstract class ForwardingSignatureSpi extends SignatureSpi {
  /** The signature the current init chose. */
  abstract Signature target();

  @Override
  protected final void engineUpdate(byte b) throws SignatureException {
    target().update(b);
  }

  @Override
  protected final void engineUpdate(byte[] b, int off, int len) throws SignatureException {
    target().update(b, off, len);
  }

  @Override
  protected final byte[] engineSign() throws SignatureException {
    return target().sign();
  }

  @Override
  protected final boolean engineVerify(byte[] signature) throws SignatureException {
    return target().verify(signature);
  }
}
