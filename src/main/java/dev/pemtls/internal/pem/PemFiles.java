package dev.pemtls.internal.pem;

import dev.pemtls.internal.Reason;
import dev.pemtls.internal.identity.Identity;
import dev.pemtls.PasswordCallback;
import dev.pemtls.SslError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads PEM certificate chains, private keys and CA bundles with the semantics of Python's
 * {@code ssl} module (which delegates to OpenSSL).
 *
 * <p>Every method throws only {@link SslError}, whatever the input bytes, and reads each file
 * exactly once. Files larger than 32 MiB or with more than 50,000 PEM blocks are refused.
 */
public final class PemFiles {
  private PemFiles() {}

  /**
   * Loads a certificate chain and its private key, like Python's {@code
   * SSLContext.load_cert_chain(certfile, keyfile=None, password=None)}.
   *
   * <p>{@code certfile} holds the chain in PEM, leaf first; blocks that are not certificates are
   * skipped. The key is the first private key block of {@code keyfile}, or of {@code certfile}
   * when {@code keyfile} is null (before or after the certificates). Accepted key forms:
   * PKCS#8 ({@code PRIVATE KEY}), encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}: PBES2,
   * PBES1, PKCS#12 PBE), PKCS#1 {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY}, {@code DSA
   * PRIVATE KEY}, and the traditional ones encrypted with {@code Proc-Type}/{@code DEK-Info}
   * headers. The key must belong to the leaf certificate, as {@code SSL_CTX_check_private_key}
   * requires.
   *
   * @param certfile PEM certificate chain
   * @param keyfile PEM private key; null (the default) to take the key from {@code certfile}
   * @param password called once, only if the key is encrypted; null (the default) if there is
   *     none. Its array is cleared after use; at most 1023 bytes in UTF-8.
   * @return the chain and a JDK-native private key
   * @throws SslError {@code SYS} for unreadable files, {@code PEM NO_START_LINE} without a
   *     certificate, {@code PEM NO_PRIVATE_KEY} without a key, {@code EVP BAD_DECRYPT} for a
   *     wrong password, {@code X509 KEY_VALUES_MISMATCH} if the key is not the leaf's, {@code
   *     EVP UNSUPPORTED_PRIVATE_KEY_ALGORITHM}, {@code PEM BAD_BASE64_DECODE}/{@code ASN1_LIB}
   */
  public static Identity loadIdentity(Path certfile, Path keyfile, PasswordCallback password)
      throws SslError {
    return loadIdentity(certfile, keyfile, password, culprit -> { });
  }

  /** Which of {@code load_cert_chain}'s arguments a failure is about. */
  public enum Culprit {
    CERTFILE, KEYFILE, PASSWORD
  }

  /**
   * {@link #loadIdentity(Path, Path, PasswordCallback)}, telling {@code blame} which argument a
   * failure is about before the {@link SslError} is thrown: the file being read or parsed when it
   * failed, the password for a failed password read or decryption, the keyfile (or the combined
   * certfile) for a key that does not match the certificate. The provider names the config key
   * from it.
   */
  public static Identity loadIdentity(Path certfile, Path keyfile, PasswordCallback password,
      Consumer<Culprit> blame) throws SslError {
    Culprit[] at = {Culprit.CERTFILE};
    try {
      return load(certfile, keyfile, password, at);
    } catch (SslError e) {
      String reason = e.reason();
      blame.accept(Reason.PEM_BAD_PASSWORD_READ.reason().equals(reason)
          || Reason.EVP_BAD_DECRYPT.reason().equals(reason) ? Culprit.PASSWORD : at[0]);
      throw e;
    }
  }

  private static Identity load(Path certfile, Path keyfile, PasswordCallback password,
      Culprit[] at) throws SslError {
    byte[] certData = FileSource.read(certfile, "certfile");
    String certSource = certfile.toString();
    List<PemBlock> certBlocks = PemTokenizer.blocks(certData, certSource);
    List<X509Certificate> chain = ChainReader.read(certBlocks, certSource);

    List<PemBlock> keyBlocks;
    String keySource;
    String lookedIn;
    if (keyfile == null || keyfile.equals(certfile)) {
      // Python passes certfile as keyfile; reuse the blocks rather than read the file again.
      keyBlocks = certBlocks;
      keySource = certSource;
      lookedIn = keyfile == null
          ? "certfile " + certSource + " (no keyfile was given, so the key must be in it)"
          : "keyfile " + certSource;
    } else {
      at[0] = Culprit.KEYFILE;
      keySource = keyfile.toString();
      keyBlocks = PemTokenizer.blocks(FileSource.read(keyfile, "keyfile"), keySource);
      lookedIn = "keyfile " + keySource;
    }
    PrivateKeyReader.DecodedKey key =
        PrivateKeyReader.read(keyBlocks, keySource, lookedIn, password);
    KeyMatch.check(chain.get(0), key.info(), keySource, certSource);
    return new Identity(chain, key.key());
  }

  /**
   * The first certificate of a file as OpenSSL's {@code PEM_read_bio_X509} finds it (what
   * Python's {@code ssl._ssl._test_decode_cert} reads): the first {@code CERTIFICATE} or {@code
   * X509 CERTIFICATE} block, other blocks skipped. A file with no PEM block at all that starts
   * like DER is taken as one DER certificate.
   *
   * @param role what the file is, for messages ("certificate file")
   * @throws SslError naming the file: unreadable, {@code PEM NO_START_LINE} without a
   *     certificate, {@code PEM BAD_BASE64_DECODE}/{@code ASN1_LIB} for a broken one
   */
  public static X509Certificate readFirstCertificate(Path file, String role) throws SslError {
    return firstCertificate(FileSource.read(file, role), file.toString(), role);
  }

  /**
   * As {@link #readFirstCertificate}, from bytes already read (standard input).
   *
   * @param source where the bytes came from, for messages ("standard input")
   */
  public static X509Certificate firstCertificate(byte[] data, String source, String role)
      throws SslError {
    List<PemBlock> blocks = PemTokenizer.blocks(data, source);
    for (PemBlock block : blocks) {
      if (CertificateParser.CERTIFICATE_LABELS.contains(block.label())) {
        return CertificateParser.certificate(block, source);
      }
    }
    if (blocks.isEmpty() && data.length > 0 && data[0] == 0x30) {
      return CertificateParser.certificate(data, role + " " + source + " (DER)");
    }
    throw Reason.PEM_NO_START_LINE.error("no start line: no certificate found in " + role
        + " " + source + "; expected a '-----BEGIN CERTIFICATE-----' block");
  }

  /**
   * Reads a CA bundle, like Python's {@code SSLContext.load_verify_locations(cafile=...)}
   * (OpenSSL's {@code X509_load_cert_crl_file}).
   *
   * <p>Concatenated PEM: {@code CERTIFICATE}, {@code X509 CERTIFICATE} and {@code TRUSTED
   * CERTIFICATE} blocks are certificates (for the last, trust settings are dropped), {@code X509
   * CRL} blocks are CRLs, and text and any other block between them is skipped. A malformed
   * certificate or CRL fails the whole file, as in OpenSSL.
   *
   * @throws SslError {@code X509 NO_CERTIFICATE_OR_CRL_FOUND} if it holds neither
   */
  public static CaFileContents readCaFile(Path cafile) throws SslError {
    byte[] data = FileSource.read(cafile, "cafile");
    String source = cafile.toString();
    CaFileContents contents = CaParser.fromPem(PemTokenizer.blocks(data, source), source);
    if (contents.certificates().isEmpty() && contents.crls().isEmpty()) {
      throw Reason.X509_NO_CERTIFICATE_OR_CRL_FOUND.error("no certificate or crl found in "
          + "cafile " + source + "; expected '-----BEGIN CERTIFICATE-----' blocks in PEM");
    }
    return contents;
  }

  /**
   * Parses CA file bytes already read, as {@link #readCaFile} parses a file: for readers that
   * fetch the bytes themselves (a lazy CA directory that counts and caches its reads).
   *
   * @param source the file name, for error messages
   * @throws SslError as {@link #readCaFile}, except that a file of neither certificates nor
   *     CRLs gives empty contents (a CA directory holds other files too)
   */
  public static CaFileContents parseCaFile(byte[] data, String source) throws SslError {
    return CaParser.fromPem(PemTokenizer.blocks(data, source), source);
  }

  /**
   * Parses Python's {@code load_verify_locations(cadata=...)} given as bytes.
   *
   * <p>Python takes bytes as DER only; here PEM text in bytes is accepted too: data containing a
   * {@code -----BEGIN } line and not starting with a DER SEQUENCE byte (0x30) is read as PEM like
   * {@link #parseCaData(String)}, anything else as one or more concatenated DER certificates
   * with nothing after them.
   *
   * @throws SslError {@code ASN1 NOT_ENOUGH_DATA} or {@code PEM NO_START_LINE} if it holds no
   *     certificate
   */
  public static CaFileContents parseCaData(byte[] data) throws SslError {
    if (data == null) {
      throw Reason.X509_INVALID_ARGUMENT.error("cadata must not be null");
    }
    checkSize(data.length);
    // Python treats bytes as DER; a PEM start line is taken as a sign the caller meant text,
    // unless the data starts like DER (a certificate may contain any bytes).
    int first = 0;
    while (first < data.length && Character.isWhitespace(data[first])) {
      first++;
    }
    boolean startsLikeDer = first < data.length && data[first] == 0x30;
    if (startsLikeDer || !new String(data, StandardCharsets.ISO_8859_1).contains("-----BEGIN ")) {
      return CaParser.fromDer(data);
    }
    return pemCaData(data);
  }

  /**
   * Parses Python's {@code load_verify_locations(cadata=...)} given as a string: PEM
   * certificates, with text and other blocks between them skipped. {@code X509 CRL} blocks are
   * returned too, though Python's cadata ignores them.
   *
   * @throws SslError {@code PEM NO_START_LINE} if it holds no certificate
   */
  public static CaFileContents parseCaData(String pem) throws SslError {
    if (pem == null) {
      throw Reason.X509_INVALID_ARGUMENT.error("cadata must not be null");
    }
    // A char is at most 3 UTF-8 bytes; check before encoding to avoid a huge allocation.
    checkSize(pem.length());
    byte[] data = pem.getBytes(StandardCharsets.UTF_8);
    checkSize(data.length);
    return pemCaData(data);
  }

  private static CaFileContents pemCaData(byte[] data) throws SslError {
    CaFileContents contents = CaParser.fromPem(PemTokenizer.blocks(data, "cadata"), "cadata");
    if (contents.certificates().isEmpty()) {
      throw Reason.PEM_NO_START_LINE.error("no start line: cadata does not contain a "
          + "certificate; expected '-----BEGIN CERTIFICATE-----' blocks");
    }
    return contents;
  }

  private static void checkSize(long length) throws SslError {
    if (length > FileSource.MAX_FILE_BYTES) {
      throw Reason.X509_DATA_TOO_LARGE.error("cadata is larger than "
          + (FileSource.MAX_FILE_BYTES >> 20) + " MiB; refusing to parse it");
    }
  }
}
