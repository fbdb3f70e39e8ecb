package dev.pemtls;

/**
 * Whether and how the peer's certificate is verified: Python's {@code ssl.CERT_NONE}, {@code
 * CERT_OPTIONAL}, {@code CERT_REQUIRED} ({@code SSLContext.verify_mode}).
 *
 * <table>
 *   <caption>Meaning on each side</caption>
 *   <tr><th></th><th>client (verifies the server)</th><th>server (verifies clients)</th></tr>
 *   <tr><td>CERT_NONE</td><td>accepts any certificate, unverified: <b>insecure</b></td>
 *       <td>asks for no client certificate</td></tr>
 *   <tr><td>CERT_OPTIONAL</td><td>verifies the certificate (same as REQUIRED)</td>
 *       <td>asks for one; verifies it if sent, an invalid one fails the handshake</td></tr>
 *   <tr><td>CERT_REQUIRED</td><td>verifies the certificate</td>
 *       <td>demands a valid client certificate</td></tr>
 * </table>
 */
public enum VerifyMode {
  CERT_NONE,
  CERT_OPTIONAL,
  CERT_REQUIRED
}
