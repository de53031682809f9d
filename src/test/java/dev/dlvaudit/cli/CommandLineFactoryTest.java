package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineFactoryTest {

    @Test
    void findsTheSubcommandPastGlobalOptionsAndTheirValues() {
        assertEquals("check", CommandLineFactory.invokedSubcommand(new String[] {"--host-root", "/host", "check", "x"}));
        assertEquals("check", CommandLineFactory.invokedSubcommand(new String[] {"--host-root=/host", "--debug", "check"}));
        assertEquals("stats", CommandLineFactory.invokedSubcommand(new String[] {"--checks-dir", "stats", "stats"}));
        assertNull(CommandLineFactory.invokedSubcommand(new String[] {"--help"}));
        assertNull(CommandLineFactory.invokedSubcommand(new String[] {"nonsense"}));
    }

    @Test
    void aRunRegistersOnlyTheInvokedSubcommandButHelpGetsThemAll() {
        assertEquals(List.of("check"), List.copyOf(CommandLineFactory.forArgs(new String[] {"check"}).getSubcommands().keySet()));
        assertEquals(CommandLineFactory.create().getSubcommands().keySet(),
                CommandLineFactory.forArgs(new String[] {"help", "check"}).getSubcommands().keySet());
        assertEquals(7, CommandLineFactory.forArgs(new String[] {"--help"}).getSubcommands().size());
    }

    @Test
    void theSubcommandsHelpIsTheSameEitherWay() {
        assertEquals(usage(CommandLineFactory.create().getSubcommands().get("check")),
                usage(CommandLineFactory.forArgs(new String[] {"check"}).getSubcommands().get("check")));
    }

    @Test
    void theVersionShortcutPrintsWhatPicocliWould() {
        StringWriter picocli = new StringWriter();
        CommandLineFactory.create().printVersionHelp(new PrintWriter(picocli, true));
        assertEquals(String.join(System.lineSeparator(), new VersionProvider().getVersion()) + System.lineSeparator(),
                picocli.toString());
    }

    private static String usage(CommandLine cl) {
        StringWriter w = new StringWriter();
        cl.usage(new PrintWriter(w, true), CommandLine.Help.Ansi.OFF);
        return w.toString();
    }
}
