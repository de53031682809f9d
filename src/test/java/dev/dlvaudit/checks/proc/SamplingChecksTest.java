package dev.dlvaudit.checks.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.api.Target;
import dev.dlvaudit.engine.CheckCatalog;
import dev.dlvaudit.engine.Engine;
import dev.dlvaudit.engine.FactStore;
import dev.dlvaudit.engine.Policy;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.facts.SampleSettings;
import dev.dlvaudit.facts.SampleSettingsProvider;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.proc.ActivitySampler;
import dev.dlvaudit.host.proc.ActivitySnapshot;
import dev.dlvaudit.host.proc.DatabaseActivity;
import dev.dlvaudit.host.proc.Pressure;
import dev.dlvaudit.host.proc.WriterLockSample;
import dev.dlvaudit.testing.CheckRunner;
import dev.dlvaudit.testing.FakeDataFile;
import dev.dlvaudit.testing.FakeHost;
import dev.dlvaudit.testing.FakeProcess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** proc.major-faults and proc.writer-lock: SKIP without --sample, verdicts from sampled rates. */
class SamplingChecksTest {
    static final String DB = "/var/lib/app/db";
    @TempDir
    Path root;
    FakeHost host;
    Target target;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).file("/proc/meminfo", "MemTotal: 16777216 kB\n");
        FakeDataFile.write(host.path(DB + "/data.mdb"), 1L << 30, 100);
        target = new Target(host.path(DB), null);
        new FakeProcess(host, 4242).maps(DB + "/data.mdb", 1L << 30, 1024);
    }

    /** Runs a check with --sample given, and the sampled activity replaced by the one given (if any). */
    private List<Result> run(Check check, DatabaseActivity activity) {
        CheckCatalog catalog = new CheckCatalog();
        catalog.add(check, CheckCatalog.BUILT_IN);
        FactStore facts = FactStore.fromServiceLoader(getClass().getClassLoader())
                .with(new SampleSettingsProvider(new SampleSettings(Optional.of(Duration.ofMillis(200)))));
        if (activity != null) {
            facts.with(new FactProvider<DatabaseActivity>() {
                public Class<DatabaseActivity> type() {
                    return DatabaseActivity.class;
                }

                public Scope scope() {
                    return Scope.DATABASE;
                }

                public DatabaseActivity read(CheckContext c) {
                    return activity;
                }
            });
        }
        return new Engine(facts, Policy.none(), root, Clock.systemUTC(), Map.of(), Duration.ofSeconds(10))
                .run(catalog.all(), List.of(target));
    }

    private static DatabaseActivity activity(double faults, Double ioSome, double iowait, WriterLockSample lock) {
        Optional<Pressure> io = ioSome == null ? Optional.empty()
                : Optional.of(new Pressure("io", OptionalDouble.of(ioSome), OptionalDouble.of(0)));
        return new DatabaseActivity(5, Map.of(4242, faults), Map.of(4242, 10.0), OptionalDouble.of(iowait), io,
                Optional.empty(), Optional.of("sda"), OptionalDouble.of(250), lock);
    }

    private static WriterLockSample lock(int samples, int held, int waiting) {
        return new WriterLockSample(Optional.empty(), samples, held, waiting, held == 0 ? Map.of() : Map.of(777, held),
                held == 0 ? Map.of() : Map.of(777, 4242), "/db/lock.mdb");
    }

    @Test
    void bothSkipWithoutSample() {
        for (Check c : List.of(new MajorFaultsCheck(), new WriterLockCheck())) {
            Result r = new CheckRunner(root).one(c, target);
            assertEquals(Status.SKIP, r.status(), c.spec().id());
            assertTrue(r.message().contains("--sample"), r.message());
        }
    }

    @ParameterizedTest
    @CsvSource({"99.9,50,0,PASS", "100,10,0,WARN", "100,9.9,0,PASS", "5000,80,0,WARN", "5000,,0.10,WARN",
        "5000,,0.099,PASS"})
    void majorFaultVerdicts(double faults, Double ioSome, double iowait, Status expected) {
        Result r = run(new MajorFaultsCheck(), activity(faults, ioSome, iowait, lock(0, 0, 0))).get(0);
        assertEquals(expected, r.status(), r.message() + " / " + r.observed());
        assertEquals("pid 4242 (java)", r.subject());
        assertTrue(r.observed().contains("250 I/Os/s on sda"), r.observed());
    }

    @ParameterizedTest
    @CsvSource({"100,100,0,INFO", "100,100,50,INFO", "100,100,51,WARN", "100,0,0,INFO"})
    void writerLockVerdicts(int samples, int held, int waiting, Status expected) {
        Result r = run(new WriterLockCheck(), activity(0, 0.0, 0, lock(samples, held, waiting))).get(0);
        assertEquals(expected, r.status(), r.message());
        if (held > 0) {
            assertTrue(r.observed().contains("tid 777 of pid 4242"), r.observed());
        }
    }

    @Test
    void writerLockNotAvailableIsInfo() {
        Result r = run(new WriterLockCheck(), activity(0, 0.0, 0,
                WriterLockSample.notAvailable("/db/lock.mdb", "not available: __kind 0x0"))).get(0);
        assertEquals(Status.INFO, r.status());
        assertTrue(r.message().startsWith("not available"), r.message());
    }

    @Test
    void samplerReadsTheMutexOfAFakeLockFile() throws Exception {
        host.file("/proc/777/status", "Name:\tjava\nTgid:\t4242\nPid:\t777\n");
        Path lock = host.path(DB + "/lock.mdb");
        ByteBuffer b = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(64, 0x80000000 | 777).putInt(72, 777).putInt(80, 0x90);
        Files.write(lock, b.array());
        long mtime = Files.getLastModifiedTime(lock).toMillis();
        WriterLockSample s = new ActivitySampler(new HostFiles(root), Duration.ofMillis(10))
                .sample(List.of(4242), Optional.empty(), lock, Duration.ofMillis(100)).writerLock();
        assertTrue(s.unavailable().isEmpty(), s.toString());
        assertEquals(s.samples(), s.held());
        assertEquals(s.samples(), s.waiting());
        assertEquals(Map.of(777, 4242), s.ownerPids());
        assertEquals(mtime, Files.getLastModifiedTime(lock).toMillis(), "the lock file is never written");

        b.putInt(80, 0); // not the proven layout (e.g. musl, another platform)
        Files.write(lock, b.array());
        WriterLockSample other = new ActivitySampler(new HostFiles(root), Duration.ofMillis(10))
                .sample(List.of(4242), Optional.empty(), lock, Duration.ofMillis(30)).writerLock();
        assertTrue(other.unavailable().orElseThrow().startsWith("not available"), other.toString());
    }

    @Test
    void ratesBetweenTwoSnapshots() {
        ActivitySnapshot before = new ActivitySnapshot(0, Map.of(1, new long[] {100, 10}), OptionalLong.of(50),
                OptionalLong.of(1000), OptionalLong.of(500));
        ActivitySnapshot after = new ActivitySnapshot(2_000_000_000L, Map.of(1, new long[] {300, 1010}),
                OptionalLong.of(150), OptionalLong.of(2000), OptionalLong.of(1500));
        DatabaseActivity a = DatabaseActivity.between(before, after, Optional.empty(), Optional.empty(),
                Optional.of("sda"), lock(0, 0, 0));
        assertEquals(500.0, a.majorFaultsPerSecond().get(1));
        assertEquals(100.0, a.minorFaultsPerSecond().get(1));
        assertEquals(0.1, a.iowaitRatio().getAsDouble(), 1e-9);
        assertEquals(500.0, a.deviceOpsPerSecond().getAsDouble());
    }

    @Test
    void snapshotReadsStatAndDiskstats() {
        host.file("/proc/stat", "cpu  100 0 50 800 40 0 10 0 0 0\ncpu0 1 1 1 1 1 1 1 1\n")
                .file("/proc/diskstats", "   8       0 sda 1200 0 9600 100 300 0 2400 50 0 120 150\n");
        ActivitySnapshot s = ActivitySnapshot.read(new HostFiles(root), List.of(4242), Optional.of("sda"));
        assertEquals(12, s.faultsByPid().get(4242)[1]);
        assertEquals(40, s.iowaitTicks().getAsLong());
        assertEquals(1000, s.totalTicks().getAsLong());
        assertEquals(1500, s.deviceIos().getAsLong());
    }
}
