package dev.dlvaudit.engine;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** Every check known to this run: the built-in ones and those of plugin class loaders. */
public final class CheckCatalog {
    public static final String BUILT_IN = "built-in";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*\\.[a-z0-9][a-z0-9-]*");

    private final Map<String, LoadedCheck> byId = new LinkedHashMap<>();

    /** The checks on the tool's own class path. */
    public static CheckCatalog builtIn() {
        CheckCatalog catalog = new CheckCatalog();
        catalog.addFrom(CheckCatalog.class.getClassLoader(), BUILT_IN);
        return catalog;
    }

    /**
     * Adds the checks a class loader provides through {@code META-INF/services/dev.dlvaudit.api.Check}.
     * Only providers defined by that loader itself count, so a plugin's loader does not list the
     * built-in checks again through its parent.
     */
    public void addFrom(ClassLoader loader, String origin) {
        for (ServiceLoader.Provider<Check> provider : ServiceLoader.load(Check.class, loader).stream().toList()) {
            if (!BUILT_IN.equals(origin) && provider.type().getClassLoader() != loader) {
                continue;
            }
            Check check;
            try {
                check = provider.get();
            } catch (RuntimeException | LinkageError e) {
                throw new ConfigException("cannot load check " + provider.type().getName() + " from " + origin
                        + ": " + e, e);
            }
            add(check, origin);
        }
    }

    public void add(Check check, String origin) {
        CheckSpec spec = check.getClass().getAnnotation(CheckSpec.class);
        if (spec == null) {
            throw new ConfigException("check " + check.getClass().getName() + " from " + origin
                    + " has no @CheckSpec annotation");
        }
        if (!ID.matcher(spec.id()).matches()) {
            throw new ConfigException("check " + check.getClass().getName() + " from " + origin
                    + " has an invalid id '" + spec.id() + "' (expected area.name, lower case, hyphens)");
        }
        LoadedCheck existing = byId.get(spec.id());
        if (existing != null) {
            throw new ConfigException("two checks have the id " + spec.id() + ": " + existing.check().getClass().getName()
                    + " (" + existing.origin() + ") and " + check.getClass().getName() + " (" + origin + ")");
        }
        byId.put(spec.id(), new LoadedCheck(check, spec, origin));
    }

    /** All checks, sorted by id. */
    public List<LoadedCheck> all() {
        List<LoadedCheck> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(LoadedCheck::id));
        return list;
    }

    public Optional<LoadedCheck> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The checks selected by {@code --only} and {@code --skip}, each naming check ids or areas.
     * An id or area that matches nothing is a usage error.
     */
    public List<LoadedCheck> select(List<String> only, List<String> skip) {
        validate(only, "--only");
        validate(skip, "--skip");
        List<LoadedCheck> selected = new ArrayList<>();
        for (LoadedCheck c : all()) {
            boolean included = only.isEmpty() || matches(only, c);
            if (included && !matches(skip, c)) {
                selected.add(c);
            }
        }
        return selected;
    }

    private static boolean matches(List<String> names, LoadedCheck c) {
        return names.contains(c.id()) || names.contains(c.area());
    }

    private void validate(List<String> names, String option) {
        for (String name : names) {
            boolean known = byId.containsKey(name) || byId.values().stream().anyMatch(c -> c.area().equals(name));
            if (!known) {
                throw new ConfigException(option + ": unknown check id or area '" + name
                        + "' (see 'dlv-audit list')");
            }
        }
    }
}
