package dev.pemtls.internal.demo;

import dev.pemtls.internal.pem.PemWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway certificates for {@code pemtls demo} and the test suites (the project's test PKI, as
 * okhttp's HeldCertificate; internal, so not API): a CA, a server and a client,
 * written as the PEM files people get from OpenSSL or cert-manager. Never for production: the
 * keys are written unencrypted.
 */
public final class DemoPki {
  private DemoPki() {}

  /** A certificate and its key pair. */
  public record Issued(X509Certificate certificate, KeyPair keys) {}

  /** What to put in a certificate; fluent, with test-friendly defaults. */
  public static final class Spec {
    private final String commonName;
    private final List<GeneralName> sans = new ArrayList<>();
    private Issued issuer;
    private String keyAlgorithm = "EC";
    private KeyPair keys;
    private boolean ca;
    private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(1));
    private final List<KeyPurposeId> ekus = new ArrayList<>();

    /** A certificate for {@code commonName}, self-signed unless {@link #issuer} is set. */
    public Spec(String commonName) {
      this.commonName = commonName;
    }

    public Spec dns(String... names) {
      for (String n : names) {
        sans.add(new GeneralName(GeneralName.dNSName, n));
      }
      return this;
    }

    public Spec ip(String... addresses) {
      for (String a : addresses) {
        sans.add(new GeneralName(GeneralName.iPAddress, a));
      }
      return this;
    }

    public Spec issuer(Issued issuer) {
      this.issuer = issuer;
      return this;
    }

    /** "EC" (P-256, the default), "RSA" (2048 bits), "Ed25519", "Ed448". */
    public Spec keyAlgorithm(String algorithm) {
      this.keyAlgorithm = algorithm;
      return this;
    }

    public Spec keys(KeyPair keys) {
      this.keys = keys;
      return this;
    }

    public Spec ca() {
      this.ca = true;
      return this;
    }

    public Spec validity(Instant notBefore, Instant notAfter) {
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    public Spec extendedKeyUsage(KeyPurposeId... purposes) {
      ekus.addAll(List.of(purposes));
      return this;
    }

    public Issued issue() {
      try {
        return DemoPki.issue(this);
      } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
        throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
      }
    }
  }

  /** A new key pair: "EC" (P-256), "RSA" (2048), "Ed25519" or "Ed448". */
  public static KeyPair keyPair(String algorithm) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
    if (algorithm.equals("RSA")) {
      g.initialize(2048);
    } else if (algorithm.equals("EC")) {
      g.initialize(256);
    }
    return g.generateKeyPair();
  }

  private static Issued issue(Spec s)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    KeyPair keys = s.keys != null ? s.keys : keyPair(s.keyAlgorithm);
    X500Name subject = new X500Name("CN=" + s.commonName);
    X500Name issuerName = s.issuer == null ? subject
        : X500Name.getInstance(s.issuer.certificate().getSubjectX500Principal().getEncoded());
    KeyPair signer = s.issuer == null ? keys : s.issuer.keys();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
        new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(s.notBefore),
        Date.from(s.notAfter), subject, keys.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    b.addExtension(Extension.subjectKeyIdentifier, false,
        ext.createSubjectKeyIdentifier(keys.getPublic()));
    if (s.issuer != null) {
      b.addExtension(Extension.authorityKeyIdentifier, false,
          ext.createAuthorityKeyIdentifier(s.issuer.certificate()));
    }
    if (s.ca) {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      int usage = KeyUsage.digitalSignature
          | (keys.getPublic().getAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0);
      b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
    }
    if (!s.sans.isEmpty()) {
      b.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(s.sans.toArray(new GeneralName[0])));
    }
    if (!s.ekus.isEmpty()) {
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(s.ekus.toArray(new KeyPurposeId[0])));
    }
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder(signatureAlgorithm(signer)).build(
            signer.getPrivate())));
    return new Issued(cert, keys);
  }

  private static String signatureAlgorithm(KeyPair signer) {
    String alg = signer.getPrivate().getAlgorithm();
    switch (alg) {
      case "RSA":
        return "SHA256withRSA";
      case "EC":
        return "SHA256withECDSA";
      default:
        return signer.getPublic().getAlgorithm().equals("EdDSA")
            ? ((java.security.interfaces.EdECKey) signer.getPublic()).getParams().getName()
            : alg;
    }
  }

  /** Certificates as concatenated PEM blocks, in the given order. */
  public static String pem(X509Certificate... certs) {
    return PemWriter.certificates(certs);
  }

  /** A private key as an unencrypted PKCS#8 "PRIVATE KEY" block. */
  public static String pem(PrivateKey key) {
    return PemWriter.unencryptedPrivateKey(key);
  }

  /** Writes {@code text} to {@code file}, readable only by the owner where the OS allows it. */
  public static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: leave the default permissions
    }
    return file;
  }

  /** The files of a demo PKI. */
  public record DemoFiles(Path caFile, Path serverCert, Path serverKey, Path clientCert,
      Path clientKey) {}

  /**
   * Writes a CA ({@code ca.pem}), a server certificate for localhost and 127.0.0.1 ({@code
   * server.pem} with the chain, {@code server.key}) and a client certificate ({@code client.pem},
   * {@code client.key}) into {@code dir}.
   */
  public static DemoFiles create(Path dir, String keyAlgorithm) throws IOException {
    Issued ca = new Spec("PemTLS Demo CA").keyAlgorithm(keyAlgorithm).ca().issue();
    Issued server = new Spec("localhost").keyAlgorithm(keyAlgorithm).issuer(ca)
        .dns("localhost").ip("127.0.0.1", "::1")
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issue();
    Issued client = new Spec("PemTLS Demo Client").keyAlgorithm(keyAlgorithm).issuer(ca)
        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();
    return new DemoFiles(
        write(dir.resolve("ca.pem"), pem(ca.certificate())),
        write(dir.resolve("server.pem"), pem(server.certificate(), ca.certificate())),
        write(dir.resolve("server.key"), pem(server.keys().getPrivate())),
        write(dir.resolve("client.pem"), pem(client.certificate(), ca.certificate())),
        write(dir.resolve("client.key"), pem(client.keys().getPrivate())));
  }
}
