package dev.pemtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command's -help, and usage errors: exit 1 with one line naming the nearest option. */
class CliUsageTest {
  static Stream<String> commands() {
    return Main.commands().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void help_dashDashAndHelpCommand_printTheSameUsageListingEveryOption_exitZero(String name) {
    Command command = Main.commands().get(name);
    CliRun single = CliRun.of(name, "-help");
    CliRun dashes = CliRun.of(name, "--help");
    CliRun viaHelp = CliRun.of("help", name);
    for (CliRun r : List.of(single, dashes, viaHelp)) {
      assertEquals(0, r.status(), r.err());
      assertEquals("", r.err());
      assertEquals(single.out(), r.out());
    }
    List<String> lines = single.out().lines().toList();
    assertEquals("usage: " + command.options().synopsis(), lines.get(0));
    assertEquals(command.summary(), lines.get(1));
    for (OptionTable.Entry e : command.options().entries()) {
      Pattern line = Pattern.compile(" " + Pattern.quote(e.name())
          + (e.arg() == null ? "" : " " + Pattern.quote(e.arg())) + " +\\S.*");
      assertTrue(lines.stream().anyMatch(l -> line.matcher(l).matches()),
          name + " -help has no described line for " + e.name() + ":\n" + single.out());
    }
    assertEquals(command.options().entries().size() + 3, lines.size(), single.out());
  }

  @Test
  void help_fileCommands_doNotTreatHelpAsAFile() {
    for (String name : List.of("subject-hash", "decode-cert", "config-check", "rehash", "x509",
        "verify")) {
      CliRun r = CliRun.of(name, "-help");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().startsWith("usage: pemtls " + name), r.out());
    }
  }

  static Stream<Arguments> typos() {
    return Stream.of(
        Arguments.of(List.of("s_client", "-CAfle", "ca.pem"), "-CAfle", "-CAfile"),
        Arguments.of(List.of("s_server", "-acept", "4433"), "-acept", "-accept"),
        Arguments.of(List.of("ciphers", "-stdnam", "HIGH"), "-stdnam", "-stdname"),
        Arguments.of(List.of("subject-hash", "-odl", "c.pem"), "-odl", "-old"),
        Arguments.of(List.of("rehash", "-compt", "dir"), "-compt", "-compat"),
        Arguments.of(List.of("config-check", "--securty", "f"), "--securty", "--security"),
        Arguments.of(List.of("decode-cert", "-hlep"), "-hlep", "-help"),
        Arguments.of(List.of("x509", "-in", "c.pem", "-subjct"), "-subjct", "-subject"),
        Arguments.of(List.of("verify", "-CAfiel", "ca.pem", "c.pem"), "-CAfiel", "-CAfile"),
        Arguments.of(List.of("demo", "-apii"), "-apii", "-api"),
        Arguments.of(List.of("version", "--hepl"), "--hepl", "--help"));
  }

  @ParameterizedTest
  @MethodSource("typos")
  void unknownOption_exitsOneWithOneLineNamingTheNearestOption(List<String> args, String bad,
      String near) {
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(1, r.status(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("pemtls " + args.get(0) + ": unknown option " + bad
        + " (did you mean " + near + "?)"), r.err());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void unknownOption_farFromAll_exitsOneWithOneLine(String name) {
    CliRun r = CliRun.of(name, "-zzzzzzzzzzzz");
    assertEquals(1, r.status(), r.err());
    assertEquals(List.of("pemtls " + name + ": unknown option -zzzzzzzzzzzz; 'pemtls " + name
        + " -help' lists the options"), r.errLines());
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(List.of("s_client", "-CAfile"), "option -CAfile needs a value"),
        Arguments.of(List.of("s_client", "-connect", "nohostport"), "-connect needs HOST:PORT"),
        Arguments.of(List.of("s_client", "-connect", "localhost:99999"),
            "-connect needs HOST:PORT"),
        Arguments.of(List.of("s_server", "-cert", "c.pem", "-naccept", "many"),
            "option -naccept needs a number, not 'many'"),
        Arguments.of(List.of("s_server", "-cert", "c.pem", "-accept", "port"),
            "-accept needs [HOST:]PORT"),
        Arguments.of(List.of("ciphers", "-ciphersuites"), "option -ciphersuites needs a value"),
        Arguments.of(List.of("config-check", "--security"), "option --security needs a value"),
        Arguments.of(List.of("s_client", "-tls1_2", "-tls1_3"),
            "options -tls1_2 and -tls1_3 exclude each other"),
        Arguments.of(List.of("x509", "-in"), "option -in needs a value"),
        Arguments.of(List.of("verify", "-verify_ip", "not-an-ip", "c.pem"),
            "-verify_ip not-an-ip is not an IPv4 or IPv6 address"),
        Arguments.of(List.of("verify", "-verify_hostname", "h", "-verify_ip", "::1", "c.pem"),
            "options -verify_hostname and -verify_ip exclude each other"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void missingOrBadValue_exitsOneWithOneLineNamingTheOption(List<String> args, String says) {
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(1, r.status(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("pemtls " + args.get(0) + ": " + says), r.err());
  }

  @Test
  void missingOrExtraOperands_exitOneWithOneLineUsage() {
    for (List<String> args : List.of(List.of("subject-hash"), List.of("decode-cert"),
        List.of("verify", "-CAfile", "ca.pem"),
        List.of("rehash"), List.of("config-check"), List.of("ciphers", "HIGH", "LOW"),
        List.of("version", "extra"), List.of("demo", "extra"))) {
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(1, r.status(), args + ": " + r.err());
      assertEquals(1, r.errLines().size(), args + ": " + r.err());
      assertTrue(r.err().contains("usage: pemtls " + args.get(0)), r.err());
    }
  }

  @Test
  void unknownCommand_exitsOneWithOneLineSuggestion_alsoUnderHelp() {
    for (String[] args : List.of(new String[] {"sclient"}, new String[] {"help", "sclient"})) {
      CliRun r = CliRun.of(args);
      assertEquals(1, r.status());
      assertEquals(List.of("pemtls: unknown command 'sclient' (did you mean 's_client'?); "
          + "'pemtls help' lists the commands"), r.errLines());
    }
  }

  @Test
  void noArguments_printsTheCommandListOnStderr_exitOne() {
    CliRun r = CliRun.of();
    assertEquals(1, r.status());
    assertEquals("", r.out());
    for (String name : Main.commands().keySet()) {
      assertTrue(r.err().contains("  " + name + " "), r.err());
    }
  }

  @Test
  void optionTable_refusesAnOptionWithoutDescription() {
    assertThrows(IllegalArgumentException.class,
        () -> new OptionTable("x").flag("-quiet", " "));
    assertThrows(IllegalArgumentException.class,
        () -> new OptionTable("x").value("-in", "FILE", null));
    assertThrows(IllegalArgumentException.class,
        () -> new OptionTable("x").flag("-a", "one").flag("-a", "two"));
  }

  @Test
  void doubleDash_endsOptions_soAnOperandMayStartWithADash() {
    OptionTable t = new OptionTable("x").flag("-v", "verbose").operands("[STRING]", 0, 1);
    Options o = t.parse(List.of("-v", "--", "-help"));
    assertTrue(o.has("-v"));
    assertFalse(o.help());
    assertEquals(List.of("-help"), o.operands());
  }
}
