package dev.dlvaudit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the man page (troff, man macros) from the picocli command model, so every command,
 * option and exit code in the page is the one {@code --help} prints. The sections no model
 * holds (files, environment, examples) are here; the examples are parsed by a test.
 */
public final class ManPage {
    private static final int MAX_LINE = 78;
    /** Commands the examples use, each with the sentence that introduces it. */
    public static final List<String[]> EXAMPLES = List.of(
            new String[] {"The operator: check the host and a database, then look closer at one check.",
                "dlv-audit check /var/lib/app/db", "dlv-audit explain os.swappiness"},
            new String[] {"The CI gate: fail the deploy on any WARN, keep a JSON report as the build's artifact.",
                "dlv-audit check --fail-on warn --format json /var/lib/app/db > dlv-audit.json"},
            new String[] {"A nightly cron job (/etc/cron.d/dlv-audit) writing a report that never fails the job:",
                "15 3 * * * root dlv-audit check --fail-on never --format json /var/lib/app/db > /var/log/dlv-audit.json"},
            new String[] {"In a container that mounts the host's root at /host, only the kernel checks:",
                "dlv-audit --host-root /host check --only os"},
            new String[] {"Try a plugin before installing it in /etc/dlv-audit/checks.d:",
                "dlv-audit --checks-dir ./build/checks list"});

    private final CommandLine root;
    private final String version;
    private final String date;

    public ManPage(CommandLine root, String version, String date) {
        this.root = root;
        this.version = version;
        this.date = date;
    }

    public String render() {
        CommandSpec spec = root.getCommandSpec();
        String name = spec.name();
        StringBuilder out = new StringBuilder();
        out.append(".\\\" Generated from the command model by dev.dlvaudit.cli.ManPage; do not edit.\n");
        out.append(".\\\" Regenerate with man/regenerate.sh.\n");
        out.append(".TH ").append(esc(name.toUpperCase(java.util.Locale.ROOT))).append(" 1 ")
                .append(date).append(" \"").append(esc(name + " " + version)).append("\" \"User Commands\"\n");
        out.append(".nh\n"); // no hyphenation: option names and paths are copied from the page
        out.append(".SH NAME\n").append(wrap(esc(name) + " \\- " + esc(lowerFirst(join(spec.usageMessage().header())))))
                .append('\n');

        out.append(".SH SYNOPSIS\n");
        out.append(".B ").append(esc(name)).append("\n.RI [ \"GLOBAL OPTIONS\" ]\n.I COMMAND\n.RI [ OPTIONS ]\n");
        out.append(".RI [ ARGUMENTS ]\n");
        for (CommandLine sub : visibleSubcommands(root)) {
            out.append(".br\n").append(synopsis(sub.getCommandSpec()));
        }

        out.append(".SH DESCRIPTION\n");
        paragraphs(out, spec.usageMessage().description());
        out.append(".PP\nThe checks, their ids and what each reads are listed by\n.B ").append(esc(name))
                .append(" list\nand explained by\n.BR ").append(esc(name)).append(" \" explain \"\\fIID\\fR.\n");

        out.append(".SH GLOBAL OPTIONS\nThese options may be given before or after the command.\n");
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                option(out, o);
            }
        }

        out.append(".SH COMMANDS\n");
        for (CommandLine sub : visibleSubcommands(root)) {
            command(out, sub.getCommandSpec(), spec);
        }

        out.append(".SH EXIT STATUS\n");
        exitCodes(out, spec.usageMessage().exitCodeList());

        out.append(FILES).append(ENVIRONMENT);
        out.append(".SH EXAMPLES\n");
        for (String[] example : EXAMPLES) {
            out.append(".PP\n").append(wrap(esc(example[0]))).append("\n.PP\n.RS 4\n.EX\n");
            for (int i = 1; i < example.length; i++) {
                out.append(literal(example[i])).append('\n');
            }
            out.append(".EE\n.RE\n");
        }
        out.append(SEE_ALSO);
        // a paragraph macro right after a heading is redundant (mandoc warns)
        return out.toString().replaceAll("(?m)^(\\.S[HS] .*\n)\\.PP\n", "$1");
    }

    private static final String FILES = String.join("\n",
            ".SH FILES",
            ".TP",
            ".I /etc/dlv\\-audit/policy.edn",
            "The site policy: thresholds, severity overrides and waivers; if it does not",
            "exist,",
            ".I ~/.config/dlv\\-audit/policy.edn",
            "is read.",
            ".TP",
            ".I /etc/dlv\\-audit/checks.d/*.jar",
            "Plugin checks of this machine, then those of",
            ".IR ~/.config/dlv\\-audit/checks.d .",
            ".TP",
            ".I PREFIX/lib/dlv\\-audit/checks/*.jar",
            "Plugin checks installed beside",
            ".IR dlv\\-audit.jar ,",
            "loaded before those of",
            ".IR checks.d .",
            "A check directory or jar that is world\\-writable, or owned by a user other",
            "than root and the one running dlv\\-audit, is refused (exit 2): whoever can",
            "change it could make a root cron job run their code.",
            ".TP",
            ".I PREFIX/lib/dlv\\-audit/dlv\\-audit.jsa",
            "The class\\-data\\-sharing archive install.sh prepares so the JVM starts faster.",
            ".PP",
            "The tool's own configuration is read on this machine, never under",
            ".BR \\-\\-host\\-root .",
            "");

    private static final String ENVIRONMENT = String.join("\n",
            ".SH ENVIRONMENT",
            ".TP",
            ".B NO_COLOR",
            "When set and not empty, the text report is never coloured (unless",
            ".B \\-\\-color always",
            "is given).",
            ".TP",
            ".B DLV_AUDIT_CONFIG_DIR",
            "The configuration directory, holding",
            ".I policy.edn",
            "and",
            ".IR checks.d ;",
            "when set, it replaces both",
            ".I /etc/dlv\\-audit",
            "and",
            ".IR ~/.config/dlv\\-audit .",
            ".TP",
            ".B XDG_CONFIG_HOME",
            "Where the user's configuration directory is, instead of",
            ".IR ~/.config .",
            ".TP",
            ".B TERM",
            "When",
            ".BR dumb ,",
            "the text report is not coloured.",
            "");

    private static final String SEE_ALSO = String.join("\n",
            ".SH SEE ALSO",
            ".BR sysctl (8),",
            ".BR sysctl.d (5),",
            ".BR proc (5),",
            ".BR java (1)",
            ".PP",
            "The guide to writing checks:",
            ".I checks/README.md",
            "in the dlv\\-audit sources.",
            "");

    private static List<CommandLine> visibleSubcommands(CommandLine cl) {
        List<CommandLine> list = new ArrayList<>();
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && !list.contains(sub)) {
                list.add(sub);
            }
        }
        return list;
    }

    private static String synopsis(CommandSpec c) {
        StringBuilder s = new StringBuilder(".B \"").append(esc(c.qualifiedName())).append("\"\n");
        boolean hasOptions = c.options().stream().anyMatch(o -> !o.hidden() && !o.inherited()
                && !o.usageHelp() && !o.versionHelp());
        if (hasOptions) {
            s.append(".RI [ OPTIONS ]\n");
        }
        for (PositionalParamSpec p : c.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            s.append(p.arity().min() == 0 ? ".RI [ " + quote(label) + " ]\n" : ".I " + quote(label) + "\n");
        }
        return s.toString();
    }

    private void command(StringBuilder out, CommandSpec c, CommandSpec top) {
        out.append(".SS \"").append(esc(c.qualifiedName())).append("\"\n");
        paragraphs(out, c.usageMessage().description());
        for (PositionalParamSpec p : c.positionalParameters()) {
            if (!p.hidden()) {
                out.append(".TP\n.I ").append(quote(p.paramLabel())).append('\n').append(text(p)).append('\n');
            }
        }
        for (OptionSpec o : c.options()) {
            if (!o.hidden() && !o.inherited() && !o.usageHelp() && !o.versionHelp()) {
                option(out, o);
            }
        }
        Map<String, String> exits = c.usageMessage().exitCodeList();
        if (!exits.isEmpty() && !exits.equals(top.usageMessage().exitCodeList())) {
            out.append(".PP\nExit status:\n.RS\n");
            exitCodes(out, exits);
            out.append(".RE\n");
        }
        for (CommandLine sub : c.commandLine().getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                command(out, sub.getCommandSpec(), top);
            }
        }
    }

    private static void option(StringBuilder out, OptionSpec o) {
        out.append(".TP\n");
        List<String> parts = new ArrayList<>();
        for (String n : o.names()) {
            parts.add("\\fB" + esc(n) + "\\fR");
        }
        String head = String.join(", ", parts);
        if (o.arity().max() > 0) {
            head += " \\fI" + esc(o.paramLabel()) + "\\fR";
        }
        out.append(head).append('\n').append(text(o)).append('\n');
    }

    private static void exitCodes(StringBuilder out, Map<String, String> codes) {
        for (Map.Entry<String, String> e : codes.entrySet()) {
            out.append(".TP\n.B ").append(esc(e.getKey().trim())).append('\n').append(wrap(esc(format(e.getValue()))))
                    .append('\n');
        }
    }

    private static void paragraphs(StringBuilder out, String[] lines) {
        for (String line : lines) {
            for (String paragraph : format(line).split("\n")) {
                if (!paragraph.isBlank()) {
                    out.append(".PP\n").append(wrap(esc(paragraph.trim()))).append('\n');
                }
            }
        }
    }

    private static String text(ArgSpec arg) {
        return wrap(esc(format(String.join(" ", arg.renderedDescription())).replace('\n', ' ').trim()));
    }

    /** picocli descriptions are format strings: %n is a line break, %% a percent sign. */
    private static String format(String s) {
        return s.replace("%n", "\n").replace("%%", "%");
    }

    private static String join(String[] lines) {
        return format(String.join(" ", lines)).replace('\n', ' ').trim();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1).replaceAll("\\.$", "");
    }

    private static String quote(String s) {
        return "\"" + esc(s).replace("\"", "\\(dq") + "\"";
    }

    /**
     * A line shown as typed. Input lines are kept within 80 bytes by escaped newlines, which
     * troff joins again, so a long command still renders as one line.
     */
    private static String literal(String s) {
        String[] words = esc(s).split(" ");
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                if (out.length() - lineStart + words[i].length() + 2 > MAX_LINE) {
                    out.append(" \\\n");
                    lineStart = out.length();
                } else {
                    out.append(' ');
                }
            }
            out.append(words[i]);
        }
        return out.toString();
    }

    /**
     * Fills escaped text into input lines of at most 80 bytes, a new line after each sentence,
     * none starting with a character troff would take for a request.
     */
    static String wrap(String escaped) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : escaped.trim().split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > MAX_LINE) {
                flush(out, line);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
            if (word.matches(".*[A-Za-z0-9)][.?!]") && !word.matches("(?i).*\\b(e\\.g|i\\.e|etc)\\.")) {
                flush(out, line);
            }
        }
        flush(out, line);
        return out.toString().stripTrailing();
    }

    private static void flush(StringBuilder out, StringBuilder line) {
        if (line.length() == 0) {
            return;
        }
        String text = line.toString();
        out.append(text.startsWith(".") || text.startsWith("'") ? "\\&" + text : text).append('\n');
        line.setLength(0);
    }

    /** Escapes text for troff: backslashes, hyphens (typed as ASCII), non-ASCII, leading dots. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': b.append("\\e"); break;
                case '-': b.append("\\-"); break;
                case '\u2014': b.append("\\(em"); break;
                case '\u2013': b.append("\\(en"); break;
                case '\u2019': b.append('\''); break;
                case '\u201c': case '\u201d': b.append("\\(dq"); break;
                default:
                    if (c > 126 || (c < 32 && c != '\n')) {
                        b.append(String.format("\\[u%04X]", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        String out = b.toString();
        return out.startsWith(".") || out.startsWith("'") ? "\\&" + out : out;
    }
}
