package dev.pemtls.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code s_server -WWW} and {@code -HTTP}: one request, a file relative to the current directory,
 * as openssl 3.0's s_server answers it (observed with curl against it).
 *
 * <ul>
 *   <li>Lines are read until one starts with {@code GET /}; the file name runs from there to the
 *       first space (no space: "'NAME' is an invalid file name", the line end included, as
 *       openssl prints it). Nothing is decoded: {@code %41} and {@code ?query} are part of the
 *       name.
 *   <li>Refused, as openssl refuses them: a name with a {@code ..} component or a ':' ("'NAME'
 *       contains '..' or ':'", NAME cut at the ':'), an absolute name ("is an invalid path"), a
 *       directory ("is a directory"), a file that cannot be opened ("Error opening 'NAME'
 *       mode='r'" and, in place of openssl's error queue, the reason).
 *   <li>-WWW sends {@code HTTP/1.0 200 ok} and {@code Content-type: text/html} for {@code .html},
 *       {@code .htm} and {@code .php} names, {@code text/plain} otherwise, then the file; {@code
 *       GET /stats} is the {@code -www} status page. -HTTP sends the file alone: it holds the
 *       whole response, status line and headers included.
 *   <li>Every answer, refusals included, is "200 ok" text/plain, as openssl's; the connection is
 *       then closed with close_notify.
 * </ul>
 */
final class HttpFiles {
  private static final String TEXT = "HTTP/1.0 200 ok\r\nContent-type: text/plain\r\n\r\n";
  private static final String HTML = "HTTP/1.0 200 ok\r\nContent-type: text/html\r\n\r\n";

  private HttpFiles() {}

  /** Writes the {@code -www} status page, -WWW's answer to {@code GET /stats}. */
  interface StatusPage {
    void write() throws IOException;
  }

  /**
   * Answers one request on {@code in}/{@code to}.
   *
   * @param wholeResponse -HTTP (the file is the response) rather than -WWW
   * @param log where "FILE:NAME" is noted for each file sent, as openssl's; null for none
   */
  static void serve(InputStream in, OutputStream to, boolean wholeResponse,
      StatusPage statusPage, PrintStream log) throws IOException {
    String line;
    while ((line = readLine(in)) != null) {
      if (!wholeResponse && line.startsWith("GET /stats ")) {
        statusPage.write();
        return;
      }
      if (line.startsWith("GET /")) {
        file(line.substring(5), to, wholeResponse, log);
        return;
      }
    }
  }

  private static void file(String rest, OutputStream to, boolean wholeResponse, PrintStream log)
      throws IOException {
    int end = 0;
    int dot = 1; // openssl's scan: 1 after a separator, 2 and 3 after one and two dots
    boolean colon = false;
    boolean dots = false;
    for (; end < rest.length() && rest.charAt(end) != ' '; end++) {
      char c = rest.charAt(end);
      if (c == ':') {
        colon = true; // a Windows drive: refused as ".." is, the name cut here
        break;
      }
      boolean separator = c == '/' || c == '\\';
      dots |= dot == 3 && separator;
      dot = switch (dot) {
        case 1 -> c == '.' ? 2 : 0;
        case 2 -> c == '.' ? 3 : 0;
        default -> 0;
      };
      if (dot == 0 && separator) {
        dot = 1;
      }
    }
    boolean refused = colon || dots || dot == 3;
    if (!colon && end == rest.length()) {
      text(to, "'" + rest + "' is an invalid file name\r\n");
      return;
    }
    String name = rest.substring(0, end);
    if (refused) {
      text(to, "'" + name + "' contains '..' or ':'\r\n");
      return;
    }
    if (name.startsWith("/") || name.startsWith("\\")) {
      text(to, "'" + name + "' is an invalid path\r\n");
      return;
    }
    Path file;
    try {
      file = Path.of(name);
    } catch (InvalidPathException e) {
      text(to, "Error opening '" + name + "' mode='r'\r\n" + e.getMessage() + "\r\n");
      return;
    }
    if (Files.isDirectory(file)) {
      text(to, "'" + name + "' is a directory\r\n");
      return;
    }
    InputStream content;
    try {
      content = Files.newInputStream(file);
    } catch (IOException e) {
      text(to, "Error opening '" + name + "' mode='r'\r\n" + (e instanceof NoSuchFileException
          ? "No such file or directory" : e.toString()) + "\r\n");
      return;
    }
    try (content) {
      if (log != null) {
        log.println("FILE:" + name);
        log.flush();
      }
      if (!wholeResponse) {
        boolean html = name.length() > 5 && name.endsWith(".html")
            || name.length() > 4 && (name.endsWith(".php") || name.endsWith(".htm"));
        to.write((html ? HTML : TEXT).getBytes(StandardCharsets.ISO_8859_1));
      }
      content.transferTo(to);
      to.flush();
    }
  }

  private static void text(OutputStream to, String message) throws IOException {
    to.write((TEXT + message).getBytes(StandardCharsets.ISO_8859_1));
    to.flush();
  }

  /** One line with its line end, as openssl's BIO_gets; null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n' || line.size() >= 16 * 1024) {
        break;
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
