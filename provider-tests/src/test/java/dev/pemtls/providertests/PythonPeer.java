package dev.pemtls.providertests;

import dev.pemtls.testing.Peer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CPython's ssl module as the peer of a child JVM. */
final class PythonPeer {
  private PythonPeer() {}

  private static final String CLIENT = String.join("\n",
      "import socket, ssl, sys",
      "port, cafile = int(sys.argv[1]), sys.argv[2]",
      "ctx = ssl.create_default_context(cafile=cafile)",
      "if len(sys.argv) > 3: ctx.load_cert_chain(sys.argv[3], sys.argv[4])",
      "try:",
      "    with socket.create_connection(('localhost', port), timeout=10) as raw:",
      "        with ctx.wrap_socket(raw, server_hostname='localhost') as s:",
      "            s.sendall(b'GET / HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n')",
      "            data = b''",
      "            while True:",
      "                chunk = s.recv(4096)",
      "                if not chunk: break",
      "                data += chunk",
      "    print('OK ' + data.split(b'\\r\\n\\r\\n', 1)[1].decode())",
      "except Exception as e:",
      "    print('ERR %s: %s' % (type(e).__name__, e))");

  private static final String SERVER = String.join("\n",
      "import socket, ssl, sys",
      "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
      "ctx.load_cert_chain(sys.argv[1], sys.argv[2])",
      "srv = socket.create_server(('127.0.0.1', 0))",
      "print(srv.getsockname()[1], flush=True)",
      "for _ in range(int(sys.argv[3])):",
      "    conn, _ = srv.accept()",
      "    try:",
      "        with ctx.wrap_socket(conn, server_side=True) as s:",
      "            s.recv(100)",
      "            s.sendall(('%s %s\\n' % (s.cipher()[0], s.version())).encode())",
      "    except Exception as e:",
      "        print('server ERR', e, flush=True)");

  /** A Python client fetching https://localhost:PORT/; "OK body" or "ERR ...". */
  static String get(int port, Path cafile, Path cert, Path key) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3", "-c", CLIENT, String.valueOf(port),
        cafile.toString()));
    if (cert != null) {
      cmd.add(cert.toString());
      cmd.add(key.toString());
    }
    Peer p = Peer.command(cmd).run();
    return p.text().strip();
  }

  /** A Python TLS server for {@code connections} connections; returns it with its port. */
  static Server serve(Path cert, Path key, int connections) throws IOException {
    Peer p = Peer.start("python3", "-c", SERVER, cert.toString(), key.toString(),
        String.valueOf(connections));
    String port;
    try {
      port = p.awaitLine("");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.close();
      throw new IOException("interrupted", e);
    }
    if (!port.matches("\\d+")) {
      p.close();
      throw new IOException("python server did not start: " + p);
    }
    return new Server(p, Integer.parseInt(port));
  }

  record Server(Peer process, int port) implements AutoCloseable {
    @Override
    public void close() {
      process.close();
    }
  }
}
