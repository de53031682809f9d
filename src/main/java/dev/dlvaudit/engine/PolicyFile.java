package dev.dlvaudit.engine;

import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;

/**
 * Reads a policy file (EDN, the shape in reporting.md) or a waivers file into a {@link Policy}.
 * Every problem is a {@link ConfigException} naming the file, the line and what was expected.
 */
public final class PolicyFile {
    private static final Set<String> TOP_KEYS = Set.of("profile", "expected-data-size", "backup-dir",
            "health-url", "checks", "waivers");
    private static final Set<String> WAIVER_KEYS = Set.of("check", "reason", "owner", "expires", "target");

    private final String file;
    private final Predicate<String> knownCheck;

    private PolicyFile(String file, Predicate<String> knownCheck) {
        this.file = file;
        this.knownCheck = knownCheck;
    }

    /** Reads a policy file; {@code knownCheck} says whether a check id exists. */
    public static Policy read(Path path, Predicate<String> knownCheck) {
        return parse(path.toString(), text(path), knownCheck);
    }

    public static Policy parse(String file, String text, Predicate<String> knownCheck) {
        return new PolicyFile(file, knownCheck).policy(EdnTree.read(file, text));
    }

    /** Reads a waivers file: a vector of waivers, as in a policy's {@code :waivers}. */
    public static List<Waiver> readWaivers(Path path, Predicate<String> knownCheck) {
        return parseWaivers(path.toString(), text(path), knownCheck);
    }

    public static List<Waiver> parseWaivers(String file, String text, Predicate<String> knownCheck) {
        return new PolicyFile(file, knownCheck).waivers(EdnTree.read(file, text));
    }

    private static String text(Path path) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException(path + ": no such file");
        } catch (CharacterCodingException e) {
            throw new ConfigException(path + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage());
        }
    }

    private Policy policy(EdnTree.Node root) {
        EdnTree.MapNode map = map(root, "the policy: a map such as {:profile :server :checks {...}}");
        String profile = null;
        Map<String, Object> global = new LinkedHashMap<>();
        Map<String, Map<String, Object>> own = new LinkedHashMap<>();
        Map<String, Severity> severities = new LinkedHashMap<>();
        List<Waiver> waivers = List.of();
        for (EdnTree.Entry e : map.entries()) {
            String key = keyword(e.key(), "a keyword key such as :profile");
            EdnTree.Node v = e.value();
            switch (key) {
                case "profile":
                    profile = keyword(v, "a profile name: one of " + keywords(Profiles.names()));
                    if (Profiles.settingsOf(profile) == null) {
                        throw error(v, "unknown profile :" + profile + "; expected one of " + keywords(Profiles.names()));
                    }
                    break;
                case "expected-data-size":
                    if (!(v.value() instanceof Long) && !(v.value() instanceof String s && Units.parseBytes(s).isPresent())) {
                        throw error(v, ":expected-data-size: expected a size such as \"40 GiB\" or a number of bytes, got "
                                + EdnTree.show(v.value()));
                    }
                    global.put(key, v.value());
                    break;
                case "backup-dir":
                    global.put(key, string(v, ":backup-dir: expected a directory path as a string"));
                    break;
                case "health-url":
                    global.put(key, url(v));
                    break;
                case "checks":
                    checks(v, own, severities);
                    break;
                case "waivers":
                    waivers = waivers(v);
                    break;
                default:
                    throw error(e.key(), "unknown key :" + key + "; expected one of " + keywords(TOP_KEYS));
            }
        }
        Map<String, Map<String, Object>> perCheck = new LinkedHashMap<>();
        if (profile != null) {
            Profiles.settingsOf(profile).forEach((id, s) -> perCheck.put(id, new LinkedHashMap<>(s)));
        }
        own.forEach((id, s) -> perCheck.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(s));
        return new Policy(file, Optional.ofNullable(profile), global, perCheck, severities, waivers);
    }

    private void checks(EdnTree.Node node, Map<String, Map<String, Object>> own, Map<String, Severity> severities) {
        EdnTree.MapNode map = map(node, ":checks: a map of check id to settings, e.g. {\"os.swappiness\" {:severity :warn}}");
        for (EdnTree.Entry e : map.entries()) {
            String id = checkId(e.key(), ":checks");
            EdnTree.MapNode settings = map(e.value(), "the settings of " + id + ": a map such as {:severity :warn}");
            Map<String, Object> values = new LinkedHashMap<>();
            for (EdnTree.Entry s : settings.entries()) {
                String key = keyword(s.key(), "a keyword setting of " + id + " such as :severity");
                Object v = s.value().value();
                if ("severity".equals(key)) {
                    severities.put(id, severity(s.value(), id));
                } else if (v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean) {
                    values.put(key, v);
                } else if (v instanceof Keyword k) {
                    values.put(key, k.getName());
                } else {
                    throw error(s.value(), id + " :" + key + ": expected a number, string, boolean or keyword, got "
                            + describe(v));
                }
            }
            own.put(id, values);
        }
    }

    private Severity severity(EdnTree.Node node, String id) {
        String name = keyword(node, id + " :severity: one of :info :warn :fail");
        switch (name) {
            case "info": return Severity.INFO;
            case "warn": return Severity.WARN;
            case "fail": return Severity.FAIL;
            default: throw error(node, id + " :severity: expected one of :info :warn :fail, got :" + name);
        }
    }

    private List<Waiver> waivers(EdnTree.Node node) {
        if (!(node.value() instanceof List<?> items)) {
            throw error(node, "waivers: expected a vector of maps such as [{:check \"os.thp\" :reason \"...\""
                    + " :owner \"ops@example.com\" :expires \"2027-03-31\"}], got " + describe(node.value()));
        }
        List<Waiver> waivers = new ArrayList<>();
        for (Object item : items) {
            EdnTree.Node w = (EdnTree.Node) item;
            EdnTree.MapNode map = map(w, "a waiver: a map with :check, :reason, :owner and :expires");
            Map<String, EdnTree.Node> fields = new LinkedHashMap<>();
            for (EdnTree.Entry e : map.entries()) {
                String key = keyword(e.key(), "a waiver key such as :check");
                if (!WAIVER_KEYS.contains(key)) {
                    throw error(e.key(), "unknown waiver key :" + key + "; expected " + keywords(WAIVER_KEYS));
                }
                fields.put(key, e.value());
            }
            if (!fields.containsKey("check")) {
                throw error(w, "a waiver without :check (the id of the waived check)");
            }
            String id = checkId(fields.get("check"), "waiver :check");
            if (!fields.containsKey("reason") || string(fields.get("reason"), "waiver :reason: text").isBlank()) {
                throw error(w, "the waiver of " + id + " has no :reason (a reason is required)");
            }
            String reason = string(fields.get("reason"), "waiver :reason: text");
            String owner = fields.containsKey("owner") ? string(fields.get("owner"), "waiver :owner: text") : "";
            LocalDate expires = null;
            if (fields.containsKey("expires")) {
                EdnTree.Node d = fields.get("expires");
                String text = string(d, "waiver :expires: a date \"yyyy-mm-dd\"");
                try {
                    expires = LocalDate.parse(text);
                } catch (DateTimeParseException ex) {
                    throw error(d, "waiver :expires: expected a date \"yyyy-mm-dd\", got \"" + text + "\"");
                }
            }
            String target = null;
            if (fields.containsKey("target")) {
                target = string(fields.get("target"), "waiver :target: \"host\" or a database path");
                if (!Result.HOST.equals(target)) {
                    target = Path.of(target).toAbsolutePath().normalize().toString();
                }
            }
            waivers.add(new Waiver(id, reason, owner, expires, target, null));
        }
        return waivers;
    }

    private String url(EdnTree.Node v) {
        String text = string(v, ":health-url: expected a URL such as \"http://127.0.0.1:8080/health\"");
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw error(v, ":health-url: expected an http:// or https:// URL with a host, got \"" + text + "\"");
    }

    private String checkId(EdnTree.Node node, String where) {
        String id = string(node, where + ": a check id as a string, e.g. \"os.swappiness\"");
        if (!knownCheck.test(id)) {
            throw error(node, where + ": unknown check id \"" + id + "\" (see 'dlv-audit list')");
        }
        return id;
    }

    private EdnTree.MapNode map(EdnTree.Node node, String expected) {
        if (node.value() instanceof EdnTree.MapNode m) {
            return m;
        }
        throw error(node, "expected " + expected + ", got " + describe(node.value()));
    }

    private String keyword(EdnTree.Node node, String expected) {
        if (node.value() instanceof Keyword k && (k.getPrefix() == null || k.getPrefix().isEmpty())) {
            return k.getName();
        }
        throw error(node, "expected " + expected + ", got " + describe(node.value()));
    }

    private String string(EdnTree.Node node, String expected) {
        if (node.value() instanceof String s) {
            return s;
        }
        throw error(node, "expected " + expected + ", got " + describe(node.value()));
    }

    private static String describe(Object v) {
        if (v instanceof EdnTree.MapNode) {
            return "a map";
        }
        if (v instanceof List) {
            return "a vector";
        }
        if (v instanceof Symbol s) {
            return "the symbol " + s + " (a string needs double quotes)";
        }
        return EdnTree.show(v);
    }

    private static String keywords(Set<String> names) {
        return String.join(" ", names.stream().sorted().map(n -> ":" + n).toList());
    }

    private ConfigException error(EdnTree.Node node, String problem) {
        return new ConfigException(file + ":" + node.line() + ": " + problem);
    }
}
