package dev.pemtls.providertests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  /** A Python TLS server for {@code connections} connections; returns it with its port. */
  static Server serve(Path cert, Path key, int connections) throws IOException {
    Process p = new ProcessBuilder("python3", "-c", SERVER, cert.toString(), key.toString(),
        String.valueOf(connections)).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    String port = out.readLine();
    if (port == null || !port.matches("\\d+")) {
      p.destroyForcibly();
      throw new IOException("python server did not start: " + port);
    }
    return new Server(p, Integer.parseInt(port));
  }

  record Server(Process process, int port) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
    }
  }
}
