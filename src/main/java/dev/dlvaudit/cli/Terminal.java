package dev.dlvaudit.cli;

/** Whether to colour: a terminal on standard output, no NO_COLOR, unless forced. */
final class Terminal {
    private Terminal() {
    }

    static boolean colorFor(DlvAuditCommand.ColorMode mode) {
        switch (mode) {
            case always: return true;
            case never: return false;
            default:
                String noColor = System.getenv("NO_COLOR");
                if (noColor != null && !noColor.isEmpty()) {
                    return false;
                }
                return System.console() != null && !"dumb".equals(System.getenv("TERM"));
        }
    }
}
