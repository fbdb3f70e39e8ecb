package dev.pemtls.internal.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Json.write produces the exact text of Python's json.dumps with its defaults. */
class JsonTest {
  @Test
  void write_scalarsAndContainers_usePythonSeparators() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", List.of(1, 2L, true));
    m.put("a", Arrays.asList(null, List.of(), Map.of()));
    assertEquals("{\"b\": [1, 2, true], \"a\": [null, [], {}]}", Json.write(m));
  }

  @Test
  void write_strings_escapeAsEnsureAscii() {
    // json.dumps('q" b\\ \n\r\t\b\f \x00 \x1f \x7f é 中 😀')
    assertEquals("\"q\\\" b\\\\ \\n\\r\\t\\b\\f \\u0000 \\u001f \\u007f \\u00e9 \\u4e2d"
            + " \\ud83d\\ude00 /\"",
        Json.write("q\" b\\ \n\r\t\b\f \u0000 \u001f \u007f \u00e9 \u4e2d \ud83d\ude00 /"));
  }

  @Test
  void write_unsupportedType_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> Json.write(1.5));
  }
}
