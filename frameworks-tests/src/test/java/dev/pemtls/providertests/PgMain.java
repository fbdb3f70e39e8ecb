package dev.pemtls.providertests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * The pgjdbc recipe inside a child JVM with PemTLS installed. {@code pg:PORT} connects to
 * localhost:PORT as the role named like the client certificate and prints "pg PORT OK user=U
 * ssl=VERSION" (from the server's pg_stat_ssl) or "pg PORT ERR exception".
 */
public final class PgMain {
  private PgMain() {}

  static final String ROLE = "Recipe Client";

  public static void main(String[] args) {
    for (String op : args) {
      String[] p = op.split(":", 2);
      if (!p[0].equals("pg")) {
        throw new IllegalArgumentException(op);
      }
      ChildOps.report(op, () -> query(Integer.parseInt(p[1])));
    }
  }

  private static String query(int port) throws Exception {
    // The recipe: verify-full, and the JVM's default SSLSocketFactory (the PemTLS config)
    // instead of pgjdbc's own key and trust files.
    String url = "jdbc:postgresql://localhost:" + port + "/postgres?sslmode=verify-full"
        + "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory";
    Properties props = new Properties();
    props.setProperty("user", ROLE);
    props.setProperty("connectTimeout", "20");
    try (Connection c = DriverManager.getConnection(url, props);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT current_user, version FROM pg_stat_ssl"
            + " WHERE pid = pg_backend_pid() AND ssl")) {
      if (!r.next()) {
        return "no TLS";
      }
      return "user=" + r.getString(1).replace(' ', '_') + " ssl=" + r.getString(2);
    }
  }
}
