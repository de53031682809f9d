package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** The committed man page is the one the command model generates, complete and lint-clean. */
class ManPageTest {
    static final Path COMMITTED = Path.of("man/dlv-audit.1");
    static final Path BUILT = Path.of("target/man/dlv-audit.1");
    static final String STALE = " is out of date: run man/regenerate.sh and commit man/dlv-audit.1";

    @Test
    void committedPageIsWhatTheCommandModelGenerates() throws IOException {
        assertEquals(BuildDocs.manPage(), Files.readString(COMMITTED), COMMITTED + STALE);
    }

    @Test
    void theBuildWroteTheSamePage() throws IOException {
        assertTrue(Files.isRegularFile(BUILT), BUILT + " missing: the build's process-classes phase writes it");
        assertEquals(Files.readString(BUILT), Files.readString(COMMITTED), COMMITTED + STALE);
    }

    @Test
    void everyCommandOptionAndArgumentIsInThePage() throws IOException {
        String page = Files.readString(COMMITTED);
        List<String> missing = new ArrayList<>();
        walk(CommandLineFactory.create(), page, missing);
        assertTrue(missing.isEmpty(), "missing from " + COMMITTED + ": " + missing + STALE);
    }

    private static void walk(CommandLine cl, String page, List<String> missing) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        if (spec.parent() != null && !page.contains(".SS \"" + ManPage.esc(spec.qualifiedName()) + "\"")) {
            missing.add("command " + spec.qualifiedName());
        }
        for (OptionSpec o : spec.options()) {
            for (String name : o.names()) {
                if (!o.hidden() && !page.contains("\\fB" + ManPage.esc(name) + "\\fR")) {
                    missing.add(spec.qualifiedName() + " " + name);
                }
            }
        }
        for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden() && !page.contains(".I \"" + ManPage.esc(p.paramLabel()) + "\"")) {
                missing.add(spec.qualifiedName() + " " + p.paramLabel());
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            walk(sub, page, missing);
        }
    }

    @Test
    void hasTheSectionsAnOperatorLooksFor() throws IOException {
        String page = Files.readString(COMMITTED);
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "GLOBAL OPTIONS", "COMMANDS",
                "\"EXIT STATUS\"", "FILES", "ENVIRONMENT", "EXAMPLES", "\"SEE ALSO\"")) {
            String heading = section.startsWith("\"") ? section.substring(1, section.length() - 1) : section;
            assertTrue(page.contains("\n.SH " + heading + "\n"), "no section " + heading);
        }
        for (String code : List.of("0", "1", "2", "3")) {
            assertTrue(page.contains(".TP\n.B " + code + "\n"), "exit status " + code);
        }
        for (String text : List.of("NO_COLOR", "DLV_AUDIT_CONFIG_DIR", "/etc/dlv\\-audit/checks.d",
                "/etc/dlv\\-audit/policy.edn", "lib/dlv\\-audit/checks")) {
            assertTrue(page.contains(text), text);
        }
    }

    @Test
    void everyExampleIsAValidCommandLineAndIsInThePage() throws IOException {
        String page = Files.readString(COMMITTED).replace("\\\n", "");
        for (String[] example : ManPage.EXAMPLES) {
            for (int i = 1; i < example.length; i++) {
                String command = example[i];
                String args = command.substring(command.indexOf("dlv-audit ") + "dlv-audit ".length());
                int redirect = args.indexOf(" >");
                args = redirect < 0 ? args : args.substring(0, redirect);
                try {
                    CommandLineFactory.create().parseArgs(args.split(" +"));
                } catch (CommandLine.ParameterException e) {
                    fail("the man page example '" + command + "' does not parse: " + e.getMessage());
                }
                assertTrue(page.contains(ManPage.esc(command)), "example not in the page: " + command);
            }
        }
    }

    @Test
    void rendersWithoutWarningsUnderGroff() throws Exception {
        Proc p = run("groff", "-man", "-ww", "-z", COMMITTED.toString());
        assertEquals(0, p.exit, p.output);
        assertEquals("", p.output, "groff warnings");
    }

    @Test
    void rendersWithoutWarningsUnderMandocLint() throws Exception {
        Proc p = run("mandoc", "-T", "lint", COMMITTED.toString());
        assertEquals("", p.output, "mandoc -T lint messages");
        assertEquals(0, p.exit, p.output);
    }

    @Command(name = "tool", header = "Does things.", description = "A made-up command.",
            exitCodeList = {"0:fine", "5:not fine"}, subcommands = Sub.class)
    static final class Tool {
        @Option(names = "--brand-new", paramLabel = "N", description = "An option added today. Default: ${DEFAULT-VALUE}.")
        int brandNew = 7;
        @Option(names = "--secret", hidden = true, description = "Not for the page.")
        boolean secret;
    }

    @Command(name = "sub", description = ".leading dot and a back\\slash, caf\u00e9 \u2713")
    static final class Sub {
        @Option(names = {"-x", "--extra"}, description = "Extra.")
        boolean extra;
    }

    @Test
    void newCommandsAndOptionsArePickedUpFromTheModelAndTextIsEscaped() throws Exception {
        String page = new ManPage(new CommandLine(new Tool()), "9.9", "2026-01-01").render();
        assertTrue(page.contains("\\fB\\-\\-brand\\-new\\fR \\fIN\\fR\nAn option added today.\nDefault: 7."), page);
        assertFalse(page.contains("secret"), page);
        assertTrue(page.contains(".SS \"tool sub\"") && page.contains("\\fB\\-x\\fR, \\fB\\-\\-extra\\fR"), page);
        assertTrue(page.contains(".TP\n.B 5\nnot fine"), page);
        assertTrue(page.contains("\\&.leading dot and a back\\eslash, caf\\[u00E9] \\[u2713]"), page);
        Path file = Files.createTempFile("tool", ".1");
        try {
            Files.writeString(file, page);
            Proc lint = run("mandoc", "-T", "lint", file.toString());
            assertEquals("", lint.output);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void longTextIsFilledIntoShortInputLines() {
        String text = String.join(" ", java.util.Collections.nCopies(40, "word")) + ". Next sentence.";
        String wrapped = ManPage.wrap(text);
        assertTrue(Arrays.stream(wrapped.split("\n")).allMatch(l -> l.length() <= 80), wrapped);
        assertTrue(wrapped.endsWith("word.\nNext sentence."), wrapped);
    }

    record Proc(int exit, String output) {
    }

    static Proc run(String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(cmd[0] + " is not installed: ./test.sh installs it (apt-get install " + cmd[0] + ")");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Proc(p.exitValue(), out);
    }
}
