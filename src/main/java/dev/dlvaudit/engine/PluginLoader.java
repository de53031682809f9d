package dev.dlvaudit.engine;

import dev.dlvaudit.api.FactProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Loads plugin jars from check directories, each jar in a class loader of its own whose parent
 * is the tool's loader, so a plugin sees the check API and nothing of other plugins. Checks and
 * fact providers are found with {@code ServiceLoader}, exactly as the built-in ones.
 */
public final class PluginLoader {
    static final Duration LOAD_TIME_LIMIT = Duration.ofSeconds(5);

    private final ClassLoader toolLoader;
    private final PluginSafety safety;

    public PluginLoader(ClassLoader toolLoader, PluginSafety safety) {
        this.toolLoader = toolLoader;
        this.safety = safety;
    }

    /** The built-in checks plus those of every jar in {@code directories}, in order. */
    public Plugins load(List<CheckDirectory> directories) {
        CheckCatalog catalog = CheckCatalog.builtIn();
        List<FactProvider<?>> providers = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (CheckDirectory dir : directories) {
            for (Path jar : jarsIn(dir, seen)) {
                requireSelfContained(jar);
                URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url(jar)}, toolLoader);
                withinTimeLimit(jar, () -> {
                    catalog.addFrom(loader, jar.toString());
                    providers.addAll(factProviders(loader, jar));
                });
                jars.add(jar);
            }
        }
        return new Plugins(catalog, providers, jars);
    }

    private List<Path> jarsIn(CheckDirectory dir, Set<Path> seen) {
        Path path = dir.path();
        if (!Files.exists(path)) {
            if (dir.required()) {
                throw new ConfigException("--checks-dir: " + path + " does not exist");
            }
            return List.of();
        }
        if (!Files.isDirectory(path)) {
            throw new ConfigException("check directory " + path + " is not a directory");
        }
        safety.verify(path, "check directory");
        try {
            if (!seen.add(path.toRealPath())) {
                return List.of();
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read check directory " + path + ": " + e.getMessage(), e);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(path)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("cannot list check directory " + path + ": " + e.getMessage(), e);
        }
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new ConfigException("plugin jar " + jar + " is not a regular file");
            }
            safety.verify(jar, "plugin jar");
        }
        return jars;
    }

    /**
     * Runs plugin code that instantiates the jar's checks and providers (constructors, static
     * initializers) on a daemon thread, so a plugin that hangs there stops the run with its name
     * instead of hanging the cron job.
     */
    private static void withinTimeLimit(Path jar, Runnable load) {
        FutureTask<Void> task = new FutureTask<>(load, null);
        Thread thread = new Thread(task, "dlv-audit-plugin-load");
        thread.setDaemon(true);
        thread.start();
        try {
            task.get(LOAD_TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new ConfigException("plugin jar " + jar + " did not load within " + LOAD_TIME_LIMIT.toSeconds()
                    + " s: a check's or fact provider's constructor or static initializer does not return");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while loading plugin jar " + jar, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException) {
                throw (ConfigException) cause;
            }
            throw new ConfigException("plugin jar " + jar + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * A readable jar with no {@code Class-Path} in its manifest: the class loader would follow it
     * to jars that nobody checked (a world-writable directory, say). Plugins shade what they need.
     */
    private static void requireSelfContained(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null && !classPath.isBlank()) {
                throw new ConfigException("plugin jar " + jar + " names other jars in its manifest (Class-Path: "
                        + classPath.trim() + "); a plugin must be one self-contained jar (shade its dependencies)");
            }
        } catch (IOException e) {
            throw new ConfigException("plugin jar " + jar + " cannot be read as a jar: " + e.getMessage(), e);
        }
    }

    /**
     * The jar's own fact providers. A plugin may add fact types of its own, not replace the
     * tool's: a built-in check must not be fed facts by plugin code.
     */
    @SuppressWarnings("rawtypes")
    private static List<FactProvider<?>> factProviders(ClassLoader loader, Path jar) {
        List<FactProvider<?>> list = new ArrayList<>();
        for (ServiceLoader.Provider<FactProvider> p : ServiceLoader.load(FactProvider.class, loader).stream().toList()) {
            if (p.type().getClassLoader() != loader) {
                continue;
            }
            FactProvider<?> provider;
            try {
                provider = p.get();
            } catch (RuntimeException | LinkageError e) {
                throw new ConfigException("cannot load fact provider " + p.type().getName() + " from " + jar + ": " + e, e);
            }
            if (provider.type().getClassLoader() != loader) {
                throw new ConfigException("fact provider " + p.type().getName() + " from " + jar + " reads "
                        + provider.type().getName() + ", a type the plugin does not define; a plugin may only"
                        + " provide facts of its own types");
            }
            list.add(provider);
        }
        return list;
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ConfigException("plugin jar " + jar + ": " + e.getMessage(), e);
        }
    }
}
