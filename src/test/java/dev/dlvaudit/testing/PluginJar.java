package dev.dlvaudit.testing;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a plugin jar as a plugin author would: compiles sources against the packaged
 * dlv-audit jar with the JDK's compiler and packages classes and service files with java.util.jar.
 */
public final class PluginJar {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final Map<String, String> manifestEntries = new LinkedHashMap<>();

    /** Every {@code .java} file and every other file (service lists) under {@code dir}. */
    public PluginJar from(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                (name.endsWith(".java") ? sources : resources).put(name, Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** One source file, by its path in the source tree ({@code pkg/Name.java}). */
    public PluginJar source(String path, String code) {
        sources.put(path, code);
        return this;
    }

    /** A line in {@code META-INF/services/<service>}. */
    public PluginJar service(Class<?> service, String implementation) {
        resources.merge("META-INF/services/" + service.getName(), implementation + "\n", String::concat);
        return this;
    }

    /** A main attribute of the jar's manifest. */
    public PluginJar manifest(String name, String value) {
        manifestEntries.put(name, value);
        return this;
    }

    /** Compiles and packages into {@code jar}; returns it. */
    public Path build(Path jar) {
        try {
            Path work = Files.createTempDirectory("plugin-build");
            Path src = work.resolve("src");
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none",
                    "-cp", Cli.jar().toString(), "-d", classes.toString()));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path f = src.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                args.add(f.toString());
            }
            if (!sources.isEmpty()) {
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                int rc = javac.run(null, log, log, args.toArray(String[]::new));
                if (rc != 0) {
                    throw new AssertionError("the plugin does not compile:\n" + log);
                }
            }
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifestEntries.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    put(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
                for (Map.Entry<String, String> e : resources.entrySet()) {
                    put(out, e.getKey(), e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            deleteTree(work);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
