package dev.dlvaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.host.CgroupMemory;
import dev.dlvaudit.host.EnvironmentProbe;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.proc.ActivitySampler;
import dev.dlvaudit.host.proc.DatabaseProcesses;
import dev.dlvaudit.host.proc.ProcessInfo;
import dev.dlvaudit.host.proc.ProcessScanner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlv-audit env [DB_DIR...]}: the host and, per database, its storage, processes and size against memory. */
@Command(name = "env", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the environment: kernel, distribution, CPUs, RAM, swap, container and cgroup version,"
            + " virtual machine, NUMA nodes; for each database: path, mount, filesystem and options, block device,"
            + " NVMe/SSD/rotational/network, I/O scheduler, read-ahead, data.mdb size against RAM and the cgroup"
            + " memory limit, and the processes that have it open.",
            "With --sample SECONDS also fault rates, pressure, iowait, device I/Os and the write lock."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:The environment was printed.", "2:Usage error.", "3:The command could not do its job."})
public final class EnvCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    DlvAuditCommand global;

    @Parameters(paramLabel = "DB_DIR", arity = "0..*", description = "Database directories (or MDB_NOSUBDIR data files).")
    List<Path> databases = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Mixin
    SampleOptions sampling = new SampleOptions();

    enum Format { text, json }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(global.hostRoot)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--host-root: " + global.hostRoot + " is not a directory");
        }
        for (Path db : databases) {
            if (!Files.exists(db)) {
                throw new CommandFailedException(db + ": no such database directory");
            }
        }
        Optional<Duration> sample = sampling.duration();
        HostFiles files = new HostFiles(global.hostRoot);
        Map<String, Object> env = EnvironmentProbe.read(files);
        boolean ownHost = global.hostRoot.toAbsolutePath().normalize().toString().equals("/");
        if (ownHost) {
            OshiFacts.addTo(env); // only here: OSHI's start-up cost stays out of 'check'
        }
        Optional<CgroupMemory> cgroup = CgroupMemory.of(files, ownHost ? "self" : "1");
        cgroup.ifPresent(c -> c.limitBytes().ifPresent(l -> env.put("cgroup_memory_limit_bytes", l)));
        List<Object> dbs = new ArrayList<>();
        for (Path db : databases) {
            dbs.add(database(files, db, env, cgroup, sample));
        }
        if (!dbs.isEmpty()) {
            env.put("databases", dbs);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(env));
        } else {
            print(out, env, "");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Map<String, Object> database(HostFiles files, Path db, Map<String, Object> env,
                                         Optional<CgroupMemory> cgroup, Optional<Duration> sample) throws InterruptedException {
        Map<String, Object> m = EnvironmentProbe.database(files, db);
        Object size = m.get("data_mdb_bytes");
        if (size instanceof Long bytes && env.get("memory_bytes") instanceof Long ram && ram > 0) {
            m.put("data_mdb_vs_ram", ratio(bytes, ram));
            cgroup.flatMap(c -> c.limitBytes().isPresent() ? Optional.of(c.limitBytes().getAsLong()) : Optional.empty())
                    .ifPresent(limit -> m.put("data_mdb_vs_cgroup_limit", ratio(bytes, limit)));
        }
        Path data = Files.isDirectory(db) ? db.resolve("data.mdb") : db;
        DatabaseProcesses found = new ProcessScanner(files).scan(data);
        List<Object> procs = new ArrayList<>();
        for (ProcessInfo p : found.processes()) {
            procs.add(p.toMap());
        }
        m.put("processes", procs);
        if (found.processes().isEmpty()) {
            m.put("processes_note", found.noneFound());
        }
        if (sample.isPresent()) {
            Path lock = Files.isDirectory(db) ? db.resolve("lock.mdb") : Path.of(db + "-lock");
            Optional<String> device = Optional.ofNullable((String) m.get("device"));
            m.put("activity", new ActivitySampler(files, Duration.ofMillis(10)).sample(
                    found.processes().stream().map(ProcessInfo::pid).toList(), device, lock, sample.get()).toMap());
        }
        return m;
    }

    private static String ratio(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static void print(PrintWriter out, Map<String, Object> map, String indent) {
        int width = map.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String key = String.format(Locale.ROOT, "%-" + width + "s", e.getKey() + ":");
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                out.println(indent + e.getKey() + ":");
                print(out, cast(nested), indent + "  ");
            } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                out.println(indent + e.getKey() + ":");
                for (Object item : list) {
                    out.println(indent + "  -");
                    print(out, cast((Map<?, ?>) item), indent + "    ");
                }
            } else {
                String text = e.getKey().endsWith("_bytes") && v instanceof Long n ? Units.bytes(n) + " (" + n + ")"
                        : String.valueOf(v);
                out.println(indent + key + " " + text);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
