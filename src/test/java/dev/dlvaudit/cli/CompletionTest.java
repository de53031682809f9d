package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bash completion the build writes completes commands, options and option values in a real bash. */
class CompletionTest {
    static final Path BUILT = Path.of("target/completion/dlv-audit.bash");

    @Test
    void theBuildWroteTheScriptOfTheCurrentModel() throws IOException {
        assertTrue(Files.isRegularFile(BUILT), BUILT + " missing: the build's process-classes phase writes it");
        assertEquals(BuildDocs.completion(), Files.readString(BUILT));
    }

    @Test
    void completesCommandsOptionsAndValues() throws Exception {
        assertEquals(List.of("check"), complete("dlv-audit ch"));
        List<String> formats = new java.util.ArrayList<>();
        CommandLineFactory.create().getSubcommands().get("check").getCommandSpec().findOption("--format")
                .completionCandidates().forEach(formats::add);
        assertTrue(formats.contains("text") && formats.contains("json"), formats.toString());
        assertEquals(formats, complete("dlv-audit check --format "));
        assertEquals(List.of("--fail-on"), complete("dlv-audit check --fa"));
        assertEquals(List.of("--checks-dir"), complete("dlv-audit list --checks"));
        assertTrue(complete("dlv-audit ").containsAll(List.of("check", "list", "explain", "help")));
    }

    /** What bash offers after the given line, by calling the script's completion function. */
    static List<String> complete(String line) throws Exception {
        String script = "source " + BUILT + " 2>/dev/null\n"
                + "COMP_LINE=\"$1\"; read -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
                + "[[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('')\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}\n"
                + "_complete_dlv-audit dlv-audit \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "-c", script, "complete", line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }
}
