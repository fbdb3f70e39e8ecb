package dev.pemtls.internal.jsse;

import dev.pemtls.VerifyMode;
import dev.pemtls.internal.ciphers.KeyExchangeGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLParameters;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;

/**
 * The settings as a floor under what an application sets on a socket or engine: the stricter
 * wins. Frameworks set socket parameters themselves (Tomcat's default {@code
 * certificateVerification=none} calls {@code setNeedClientAuth(false)}, Jetty sets its own
 * protocols and suites, Netty reorders suites), and none of that may go below the settings.
 *
 * <ul>
 *   <li>Protocols: the application may narrow them; a protocol outside the settings is dropped.
 *   <li>Cipher suites: the application may narrow them; a suite outside the settings is dropped,
 *       and the settings' order is kept (the server's preference is the operator's).
 *   <li>Client certificates (server side): the application may raise the request (ask or
 *       require where the settings do not); it cannot lower CERT_REQUIRED or CERT_OPTIONAL.
 *   <li>Host-name check: a client cannot turn the configured check off; never on the server
 *       side, where the JDK's trust managers refuse it.
 *   <li>Signature schemes ({@link SignatureSchemes}: OpenSSL's list at the security level): the
 *       application may narrow them (BCJSSE's {@code BCSSLParameters.setSignatureSchemes}, or
 *       {@code SSLParameters.setSignatureSchemes} from JDK 19); a scheme outside the list is
 *       dropped, and the list's order is kept. Cleared (null, as a fresh {@code SSLParameters}
 *       sets them from JDK 19), they are the list again, never BCJSSE's default, which offers
 *       SHA-1 at every level.
 *   <li>Key-exchange groups ({@link KeyExchangeGroups}: the configured groups or OpenSSL's
 *       default list, at the security level), the same way: an application may narrow them
 *       ({@code setNamedGroups}), never widen them or fall back to BCJSSE's default, which has
 *       no security-level filter.
 * </ul>
 *
 * <p>When nothing the application asked for is allowed, the settings' own list is used. Each
 * override is logged once per message at WARNING on the {@code dev.pemtls} logger.
 */
final class Floor {
  private static final Logger LOG = Logger.getLogger("dev.pemtls");
  private static final int MAX_WARNINGS = 64;

  private final Settings settings;
  private final List<String> signatureSchemes;
  private final List<String> groups;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  Floor(Settings settings) {
    this.settings = settings;
    this.signatureSchemes = SignatureSchemes.forLevel(settings.securityLevel());
    this.groups = KeyExchangeGroups.forLevel(settings.groups(), settings.securityLevel());
    for (dev.pemtls.internal.reload.Live<dev.pemtls.internal.identity.Identity> identity
        : settings.identities()) {
      String curve = KeyExchangeGroups.ecdsaCurve(identity.get().leaf().getPublicKey());
      if (curve == null || groups.contains(curve)) {
        continue;
      }
      warn("the key-exchange groups " + groups + " leave out " + curve + ", the curve of this "
          + "context's ECDSA certificate; BCJSSE enables ECDSA signatures only for curves in "
          + "the groups list, so TLS 1.3 handshakes cannot use this certificate: add " + curve
          + " to the groups");
    }
  }

  /**
   * Raises the signature schemes and key-exchange groups of a BCJSSE socket or engine (set
   * through BCJSSE's own parameters) to the settings, in place.
   *
   * @return whether anything changed
   */
  boolean raiseBcParameters(Object socketOrEngine) {
    if (socketOrEngine instanceof BCSSLSocket s) {
      BCSSLParameters p = s.getParameters();
      if (bcParameters(p)) {
        s.setParameters(p);
        return true;
      }
    } else if (socketOrEngine instanceof BCSSLEngine e) {
      BCSSLParameters p = e.getParameters();
      if (bcParameters(p)) {
        e.setParameters(p);
        return true;
      }
    }
    return false;
  }

  private boolean bcParameters(BCSSLParameters p) {
    String[] schemes = narrowed(p.getSignatureSchemes(), signatureSchemes,
        "signature schemes that security level " + settings.securityLevel() + " does not allow");
    String[] named = narrowed(p.getNamedGroups(), groups, "key-exchange groups outside the "
        + "PemTLS configuration (groups, at security level " + settings.securityLevel() + ")");
    if (schemes != null) {
      p.setSignatureSchemes(schemes);
    }
    if (named != null) {
      p.setNamedGroups(named);
    }
    return schemes != null || named != null;
  }

  /**
   * What {@code asked} must become to stay within {@code allowed} (in {@code allowed}'s order),
   * or null when it already does; a cleared list, or one with nothing allowed, becomes {@code
   * allowed}.
   */
  private String[] narrowed(String[] asked, List<String> allowed, String outside) {
    if (asked == null) {
      return allowed.toArray(new String[0]);
    }
    List<String> kept = keep(allowed, asked);
    if (!allowed.isEmpty() && kept.equals(Arrays.asList(asked))) {
      return null;
    }
    List<String> dropped = dropped(asked, allowed);
    if (kept.isEmpty()) {
      kept = allowed;
    }
    if (!dropped.isEmpty()) {
      warn("the application enabled " + outside + ": " + dropped + " dropped; " + kept
          + " stay");
    }
    return kept.equals(Arrays.asList(asked)) ? null : kept.toArray(new String[0]);
  }

  /**
   * Raises {@code p} (as an application left it) to the settings, in place.
   *
   * @param clientMode whether the socket or engine is the client side
   * @return whether anything changed
   */
  boolean raise(SSLParameters p, boolean clientMode) {
    boolean changed = protocols(p);
    changed |= cipherSuites(p);
    String alg = p.getEndpointIdentificationAlgorithm();
    if (clientMode && settings.checkHostname() && (alg == null || alg.isEmpty())) {
      warn("the application turned host-name checking off (endpoint identification), but the "
          + "PemTLS configuration has check_hostname on: server host names are still checked");
      p.setEndpointIdentificationAlgorithm("HTTPS");
      changed = true;
    }
    if (!clientMode) {
      changed |= clientAuth(p);
      if (settings.checkHostname() && "HTTPS".equalsIgnoreCase(
          p.getEndpointIdentificationAlgorithm())) {
        // Set for the client side; on the server side the JDK's trust managers refuse it
        // ("Endpoint Identification Algorithm HTTPS is not supported on the server side").
        // BCJSSE ignores a null algorithm in setSSLParameters; "" clears it.
        p.setEndpointIdentificationAlgorithm("");
        changed = true;
      }
    }
    return changed;
  }

  private boolean protocols(SSLParameters p) {
    String[] asked = p.getProtocols();
    if (asked == null) {
      return false;
    }
    List<String> kept = keep(settings.protocols(), asked);
    if (kept.size() == asked.length) {
      return false;
    }
    List<String> dropped = dropped(asked, settings.protocols());
    if (kept.isEmpty()) {
      kept = settings.protocols();
    }
    warn("the application enabled protocols " + Arrays.toString(asked) + "; "
        + dropped + " are outside the PemTLS configuration (minimum_version/maximum_version), "
        + "so " + kept + " are used");
    p.setProtocols(kept.toArray(new String[0]));
    return true;
  }

  private boolean cipherSuites(SSLParameters p) {
    String[] asked = p.getCipherSuites();
    List<String> allowed = settings.cipherSuites();
    if (asked == null || allowed == null) {
      return false;
    }
    List<String> kept = keep(allowed, asked);
    if (kept.equals(Arrays.asList(asked))) {
      return false;
    }
    List<String> dropped = dropped(asked, allowed);
    if (kept.isEmpty()) {
      kept = allowed;
    }
    if (!dropped.isEmpty()) {
      warn("the application enabled cipher suites outside the PemTLS configuration "
          + "(ciphers/ciphersuites): " + dropped + " dropped; " + kept.size() + " suites stay");
    }
    p.setCipherSuites(kept.toArray(new String[0]));
    return true;
  }

  private boolean clientAuth(SSLParameters p) {
    VerifyMode floor = settings.serverVerifyMode();
    if (floor == VerifyMode.CERT_REQUIRED && !p.getNeedClientAuth()) {
      warn("the application turned the client-certificate requirement off (setNeedClientAuth("
          + "false) or setWantClientAuth), but the PemTLS configuration says verify_mode="
          + "CERT_REQUIRED: clients without a verified certificate are still refused");
      p.setNeedClientAuth(true);
      return true;
    }
    if (floor == VerifyMode.CERT_OPTIONAL && !p.getNeedClientAuth() && !p.getWantClientAuth()) {
      warn("the application turned the client-certificate request off, but the PemTLS "
          + "configuration says verify_mode=CERT_OPTIONAL: a client certificate is still asked "
          + "for and verified when sent");
      p.setWantClientAuth(true);
      return true;
    }
    return false;
  }

  /** The entries of {@code allowed} that {@code asked} names, in {@code allowed}'s order. */
  private static List<String> keep(List<String> allowed, String[] asked) {
    Set<String> wanted = new LinkedHashSet<>(Arrays.asList(asked));
    List<String> kept = new ArrayList<>();
    for (String a : allowed) {
      if (wanted.contains(a)) {
        kept.add(a);
      }
    }
    return kept;
  }

  /** What {@code asked} names beyond {@code allowed}, signalling suites aside. */
  private static List<String> dropped(String[] asked, List<String> allowed) {
    List<String> out = new ArrayList<>();
    for (String a : asked) {
      if (!allowed.contains(a) && !a.endsWith("_SCSV")) {
        out.add(a);
      }
    }
    return out;
  }

  private void warn(String message) {
    if (warned.size() < MAX_WARNINGS && warned.add(message)) {
      LOG.warning("PemTLS: " + message);
    }
  }
}
