package dev.dlvaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The tool's version, from the build (also in the jar manifest). */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        return property("version");
    }

    /** The release date (YYYY-MM-DD), as the man page shows it. */
    public static String date() {
        return property("date");
    }

    private static String property(String key) {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/dlvaudit/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty(key, "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"dlv-audit " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
