package dev.pemtls.internal.ciphers;

import dev.pemtls.internal.Reason;
import static dev.pemtls.internal.ciphers.Bits.DEFAULT_MASK;
import static dev.pemtls.internal.ciphers.Bits.STRONG_MASK;

import dev.pemtls.SslError;
import java.util.Map;

/**
 * Applies one cipher rule string to a {@link CipherOrder}, mirroring
 * {@code ssl_cipher_process_rulestr} of OpenSSL 3.0: items separated by {@code : , ;} or space,
 * each an optional operator ({@code - + ! @}) and names joined by {@code +}.
 */
final class RuleParser {
  private static final int SPECIAL = 5;

  private final Map<String, CipherSuite> ciphersByName;
  /** The {@code @SECLEVEL=n} seen last, or -1 if none. */
  int secLevel = -1;

  RuleParser(Map<String, CipherSuite> ciphersByName) {
    this.ciphersByName = ciphersByName;
  }

  /** OpenSSL's {@code ITEM_SEP}. */
  static boolean isSeparator(char c) {
    return c == ':' || c == ' ' || c == ';' || c == ',';
  }

  /** The characters a name may contain (the non-EBCDIC branch of the tokenizer). */
  private static boolean isNameChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '.' || c == '=';
  }

  /**
   * Processes {@code rule} against {@code order}. Unknown names void their item silently, as in
   * OpenSSL; a character that is neither separator, operator nor name character, or a bad
   * {@code @} command, fails the whole string (OpenSSL's {@code SSL_R_INVALID_COMMAND}).
   */
  void process(String rule, CipherOrder order) throws SslError {
    final int n = rule.length();
    int l = 0;
    boolean failed = false;
    String failure = null;
    while (l < n) {
      char ch = rule.charAt(l);
      int op;
      if (ch == '-') {
        op = CipherOrder.DEL;
        l++;
      } else if (ch == '+') {
        op = CipherOrder.ORD;
        l++;
      } else if (ch == '!') {
        op = CipherOrder.KILL;
        l++;
      } else if (ch == '@') {
        op = SPECIAL;
        l++;
      } else {
        op = CipherOrder.ADD;
      }
      if (isSeparator(ch)) {
        l++;
        continue;
      }
      int mkey = 0, auth = 0, enc = 0, mac = 0, minTls = 0, strength = 0, cipherId = 0;
      boolean found = false;
      String word = null;
      while (true) {
        int start = l;
        while (l < n && isNameChar(rule.charAt(l))) {
          l++;
        }
        if (l == start) {
          // OpenSSL stops at once here, without applying the rest.
          throw invalid(rule, l);
        }
        word = rule.substring(start, l);
        if (op == SPECIAL) {
          break;
        }
        boolean multi = l < n && rule.charAt(l) == '+';
        if (multi) {
          l++;
        }
        CipherAliases.Pattern p;
        CipherSuite named = ciphersByName.get(word);
        p = named != null ? CipherAliases.of(named) : CipherAliases.alias(word);
        if (p == null) {
          found = false;
          break;
        }
        found = true;
        if (p.mkey() != 0) {
          mkey = mkey != 0 ? mkey & p.mkey() : p.mkey();
          if (mkey == 0) {
            found = false;
            break;
          }
        }
        if (p.auth() != 0) {
          auth = auth != 0 ? auth & p.auth() : p.auth();
          if (auth == 0) {
            found = false;
            break;
          }
        }
        if (p.enc() != 0) {
          enc = enc != 0 ? enc & p.enc() : p.enc();
          if (enc == 0) {
            found = false;
            break;
          }
        }
        if (p.mac() != 0) {
          mac = mac != 0 ? mac & p.mac() : p.mac();
          if (mac == 0) {
            found = false;
            break;
          }
        }
        if ((p.strength() & STRONG_MASK) != 0) {
          if ((strength & STRONG_MASK) != 0) {
            strength &= (p.strength() & STRONG_MASK) | ~STRONG_MASK;
            if ((strength & STRONG_MASK) == 0) {
              found = false;
              break;
            }
          } else {
            strength = p.strength() & STRONG_MASK;
          }
        }
        if ((p.strength() & DEFAULT_MASK) != 0) {
          if ((strength & DEFAULT_MASK) != 0) {
            strength &= (p.strength() & DEFAULT_MASK) | ~DEFAULT_MASK;
            if ((strength & DEFAULT_MASK) == 0) {
              found = false;
              break;
            }
          } else {
            strength |= p.strength() & DEFAULT_MASK;
          }
        }
        if (p.cipherId() != 0) {
          // An explicit suite: its protocol version is not part of the pattern.
          cipherId = p.cipherId();
        } else if (p.minTls() != 0) {
          if (minTls != 0 && minTls != p.minTls()) {
            found = false;
            break;
          }
          minTls = p.minTls();
        }
        if (!multi) {
          break;
        }
      }
      if (op == SPECIAL) {
        if (word.equals("STRENGTH")) {
          order.strengthSort();
        } else if (word.length() == 10 && word.startsWith("SECLEVEL=")) {
          int level = word.charAt(9) - '0';
          if (level < 0 || level > 5) {
            failed = true;
            failure = "@" + word + ": the security level must be 0 to 5";
          } else {
            secLevel = level;
          }
        } else {
          failed = true;
          failure = "unknown command @" + word;
        }
        // "@" takes no "+" parts: the rest of the item is ignored. Later items still apply,
        // as in OpenSSL, but the call fails at the end.
        l = skipItem(rule, l);
      } else if (found) {
        order.apply(new CipherAliases.Pattern(mkey, auth, enc, mac, minTls, strength, cipherId),
            op);
      } else {
        l = skipItem(rule, l);
      }
    }
    if (failed) {
      throw Reason.SSL_INVALID_COMMAND.error("No cipher can be selected. Cipher string '" + rule + "': " + failure);
    }
  }

  private static int skipItem(String rule, int l) {
    while (l < rule.length() && !isSeparator(rule.charAt(l))) {
      l++;
    }
    return l;
  }

  private static SslError invalid(String rule, int at) {
    String what = at < rule.length()
        ? "unexpected character '" + rule.charAt(at) + "' at offset " + at
        : "the string ends after an operator or '+'";
    return Reason.SSL_INVALID_COMMAND.error("No cipher can be selected. Cipher string '" + rule + "': " + what);
  }
}
