package dev.pemtls.providertests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/docs/integrations.md's pgjdbc recipe against a real PostgreSQL server that requires client
 * certificates: sslmode=verify-full with pgjdbc's DefaultJavaSSLFactory, in child JVMs with
 * PemTLS installed.
 */
class PgjdbcRecipeIT {
  @TempDir static Path dir;
  static RecipePki pki;
  static PostgresServer pg;

  @BeforeAll
  static void start() throws Exception {
    pki = new RecipePki(dir);
    pg = PostgresServer.start(pki.serverCert, pki.serverKey, pki.ca, PgMain.ROLE);
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void verifyFullWithDefaultJavaSslFactory_logsInWithTheConfigCertificate() throws Exception {
    ChildJvm c = ChildJvm.run(PgMain.class, pki.provider(pki.clientConf()), "pg:" + pg.port);
    String line = c.line("pg " + pg.port);
    assertTrue(line.equals("pg " + pg.port + " OK user=Recipe_Client ssl=TLSv1.3"), line);
  }

  @Test
  void postgresRejectsAClientCertificateFromAnUnknownCa() throws Exception {
    ChildJvm c = ChildJvm.run(PgMain.class, pki.provider(pki.rogueClientConf()),
        "pg:" + pg.port);
    String line = c.line("pg " + pg.port);
    // The client may see the alert or only the reset that follows it; the server says why.
    assertTrue(line.startsWith("pg " + pg.port + " ERR org.postgresql.util.PSQLException"),
        line);
    String log = pg.log();
    assertTrue(log.contains("could not accept SSL connection: certificate verify failed"), log);
  }

  @Test
  void verifyFull_rejectsAServerTheConfigDoesNotTrust() throws Exception {
    Path trustsOtherCa = pki.conf("certfile=client.pem", "keyfile=client.key",
        "cafile=rogue-ca.pem");
    ChildJvm c = ChildJvm.run(PgMain.class, pki.provider(trustsOtherCa), "pg:" + pg.port);
    String line = c.line("pg " + pg.port);
    assertTrue(line.startsWith("pg " + pg.port + " ERR org.postgresql.util.PSQLException")
        && line.contains("certificate verify failed"), line);
  }
}
