package dev.pemtls.internal.reload;

import dev.pemtls.internal.identity.Identity;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What a reloading context serves, as a read-only JMX bean {@code
 * dev.pemtls:type=Identity,certfile="<path>"}: the live certificate's serial, subject, validity
 * and days to expiry, when it was last reloaded, and how many changed versions were refused with
 * the last refusal's message. Numeric attributes ({@code DaysToExpiry}, {@code
 * NotAfterEpochSeconds}, {@code ReloadFailures}, ...) are what Prometheus' JMX exporter turns
 * into gauges.
 *
 * <p>A dynamic bean, so JMX needs no access to an interface in this unexported package. It is
 * registered once the JVM's platform MBean server exists (see {@link #registerOnceJmxIsUp}).
 */
final class IdentityStatus implements DynamicMBean {
  static final String DOMAIN = "dev.pemtls";
  private static final Logger LOG = Logger.getLogger("dev.pemtls.reload");

  private final Path certfile;
  private final Path keyfile;
  private final Duration interval;
  private final Clock clock;
  private final Map<String, Attr> attrs = new LinkedHashMap<>();
  private volatile X509Certificate leaf; // not the Live: the bean must not keep it in use
  private volatile Instant lastReload;
  private volatile long reloads;
  private volatile long failures;
  private volatile String lastFailure = "";
  private volatile ObjectName name;

  private record Attr(String type, String description, Function<IdentityStatus, Object> get) {}

  IdentityStatus(Identity initial, Instant since, Path certfile, Path keyfile,
      Duration interval, Clock clock) {
    this.leaf = initial.leaf();
    this.certfile = certfile;
    this.keyfile = keyfile;
    this.interval = interval;
    this.clock = clock;
    this.lastReload = since;
    text("Serial", "the live certificate's serial number, hex as OpenSSL prints it",
        s -> Served.serial(s.leaf()));
    text("Subject", "the live certificate's subject (RFC 2253)",
        s -> s.leaf().getSubjectX500Principal().getName());
    text("Issuer", "the live certificate's issuer (RFC 2253)",
        s -> s.leaf().getIssuerX500Principal().getName());
    text("NotBefore", "start of validity, ISO-8601 UTC",
        s -> s.leaf().getNotBefore().toInstant().toString());
    text("NotAfter", "end of validity, ISO-8601 UTC",
        s -> s.leaf().getNotAfter().toInstant().toString());
    number("NotAfterEpochSeconds", "end of validity, seconds since 1970",
        s -> s.leaf().getNotAfter().toInstant().getEpochSecond());
    number("DaysToExpiry", "whole days until notAfter; negative once expired",
        s -> Served.daysToExpiry(s.leaf(), s.clock.instant()));
    text("LastReloadTime", "when the live certificate was loaded, ISO-8601 UTC",
        s -> s.lastReload.toString());
    number("LastReloadEpochSeconds", "when the live certificate was loaded, seconds since 1970",
        s -> s.lastReload.getEpochSecond());
    number("Reloads", "changed versions loaded since start", s -> s.reloads);
    number("ReloadFailures", "changed versions refused (torn, mismatched, unparsable)",
        s -> s.failures);
    text("LastFailureMessage", "why the last refused version was refused; empty if none",
        s -> s.lastFailure);
    text("CertFile", "the certificate file watched", s -> String.valueOf(s.certfile));
    text("KeyFile", "the key file watched (empty: the key is in CertFile)",
        s -> s.keyfile == null ? "" : s.keyfile.toString());
    number("ReloadIntervalSeconds", "how often the files are checked",
        s -> s.interval.getSeconds());
  }

  private void text(String n, String d, Function<IdentityStatus, Object> f) {
    attrs.put(n, new Attr(String.class.getName(), d, f));
  }

  private void number(String n, String d, Function<IdentityStatus, Object> f) {
    attrs.put(n, new Attr(Long.class.getName(), d, f));
  }

  private X509Certificate leaf() {
    return leaf;
  }

  void swapped(Identity now, Instant since) {
    leaf = now.leaf();
    lastReload = since;
    reloads++;
  }

  void failed(String message) {
    lastFailure = message;
    failures++;
  }

  /**
   * Registers with the platform MBean server under the first free name, once that server exists:
   * creating it costs a second of start-up, so PemTLS never does; a JMX agent, the Prometheus
   * exporter, an attached jconsole or any {@code ManagementFactory} use creates it, and the
   * next check registers the bean. Cheap to call again.
   */
  void registerOnceJmxIsUp() {
    if (name != null) {
      return;
    }
    try {
      if (javax.management.MBeanServerFactory.findMBeanServer(null).isEmpty()) {
        return;
      }
    } catch (RuntimeException | LinkageError e) {
      return;
    }
    register();
  }

  /** Registers with the platform MBean server under the first free name. */
  private void register() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      String base = DOMAIN + ":type=Identity,certfile="
          + ObjectName.quote(String.valueOf(certfile));
      for (int n = 1; name == null; n++) {
        ObjectName candidate = new ObjectName(n == 1 ? base : base + ",instance=" + n);
        if (!server.isRegistered(candidate)) {
          server.registerMBean(this, candidate);
          name = candidate;
        }
      }
    } catch (Exception | LinkageError e) {
      LOG.log(Level.WARNING, "PemTLS: the JMX bean for " + certfile + " is not available: " + e);
    }
  }

  void unregister() {
    ObjectName n = name;
    if (n != null) {
      try {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(n);
      } catch (Exception e) {
        LOG.log(Level.FINE, "unregistering " + n, e);
      }
    }
  }

  /** The registered name, or null. */
  ObjectName name() {
    return name;
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException {
    Attr a = attrs.get(attribute);
    if (a == null) {
      throw new AttributeNotFoundException("no attribute " + attribute + "; there are "
          + attrs.keySet());
    }
    return a.get().apply(this);
  }

  @Override
  public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
    throw new AttributeNotFoundException(attribute.getName() + " is read-only");
  }

  @Override
  public AttributeList getAttributes(String[] names) {
    AttributeList out = new AttributeList();
    for (String n : names) {
      Attr a = attrs.get(n);
      if (a != null) {
        out.add(new Attribute(n, a.get().apply(this)));
      }
    }
    return out;
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  @Override
  public Object invoke(String action, Object[] params, String[] signature) {
    throw new UnsupportedOperationException("no operations; the bean is read-only");
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    MBeanAttributeInfo[] infos = attrs.entrySet().stream()
        .map(e -> new MBeanAttributeInfo(e.getKey(), e.getValue().type(),
            e.getValue().description(), true, false, false))
        .toArray(MBeanAttributeInfo[]::new);
    return new MBeanInfo(getClass().getName(), "The certificate a PemTLS context serves",
        infos, null, null, null);
  }
}
