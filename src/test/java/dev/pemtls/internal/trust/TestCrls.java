package dev.pemtls.internal.trust;

import dev.pemtls.internal.demo.DemoPki.Issued;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** CRLs for tests, signed by a test CA. */
public final class TestCrls {
  private TestCrls() {}

  /** A CRL from {@code ca} valid from {@code thisUpdate} to {@code nextUpdate}. */
  public static X509CRL issue(Issued ca, Instant thisUpdate, Instant nextUpdate,
      BigInteger... revoked) {
    try {
      X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(
          ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
      b.setNextUpdate(Date.from(nextUpdate));
      for (BigInteger serial : revoked) {
        b.addCRLEntry(serial, Date.from(thisUpdate), CRLReason.keyCompromise);
      }
      String alg = ca.keys().getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA"
          : "SHA256withECDSA";
      return new JcaX509CRLConverter().getCRL(b.build(
          new JcaContentSignerBuilder(alg).build(ca.keys().getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a CRL", e);
    }
  }

  /** A CRL current now (an hour back to a day ahead). */
  public static X509CRL current(Issued ca, BigInteger... revoked) {
    return issue(ca, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86400),
        revoked);
  }

  public static String pem(X509CRL crl) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(crl);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
