package dev.pemtls.fuzz;

import java.util.Arrays;
import java.util.List;

/**
 * Turns a fuzzer's bytes into an input for a parser: the first byte picks one of the templates
 * (valid material made fresh at start-up, so no key is checked in as a seed), or, past the last
 * template, means "use the rest as is"; the rest is a script of edits applied to the template.
 * The coverage-guided fuzzer learns which edits reach new code, so valid structure is kept where
 * it matters and broken where it pays.
 */
public final class Mutations {
  private Mutations() {}

  /** Each 4-byte step: op, 16-bit position (mod length), argument. */
  public static byte[] apply(List<byte[]> templates, byte[] data) {
    if (data.length == 0) {
      return new byte[0];
    }
    int pick = data[0] & 0xff;
    if (pick >= templates.size()) {
      return Arrays.copyOfRange(data, 1, data.length);
    }
    byte[] out = templates.get(pick).clone();
    for (int i = 1; i + 3 < data.length && out.length > 0; i += 4) {
      int op = data[i] & 0x07;
      int pos = (((data[i + 1] & 0xff) << 8) | (data[i + 2] & 0xff)) % out.length;
      int arg = data[i + 3] & 0xff;
      switch (op) {
        case 0 -> out[pos] ^= (byte) arg;
        case 1 -> out[pos] = (byte) arg;
        case 2 -> out = splice(out, pos, Math.min(arg + 1, out.length - pos), new byte[0]);
        case 3 -> out = splice(out, pos, 0, new byte[] {(byte) arg});
        case 4 -> out = splice(out, pos, 0, Arrays.copyOfRange(out, pos,
            Math.min(out.length, pos + arg + 1)));
        case 5 -> out = Arrays.copyOf(out, pos);
        default -> out[pos] = (byte) (out[pos] + (byte) (arg - 128));
      }
    }
    return out;
  }

  private static byte[] splice(byte[] data, int pos, int remove, byte[] insert) {
    byte[] out = new byte[data.length - remove + insert.length];
    System.arraycopy(data, 0, out, 0, pos);
    System.arraycopy(insert, 0, out, pos, insert.length);
    System.arraycopy(data, pos + remove, out, pos + insert.length, data.length - pos - remove);
    return out;
  }
}
