package dev.dlvaudit.checks.dl;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.datalevin.OptionsFile;
import dev.dlvaudit.datalevin.Provenance;
import dev.dlvaudit.datalevin.Sourced;
import dev.dlvaudit.datalevin.StoredOptions;
import dev.dlvaudit.datalevin.Unsupported;
import dev.dlvaudit.datalevin.Values;
import dev.dlvaudit.facts.DatalevinFacts;
import dev.dlvaudit.facts.OptionsFileFacts;
import dev.dlvaudit.facts.StoredOptionsFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import us.bpsm.edn.Keyword;

/**
 * What the Datalevin checks see of one target, each value with its source: the database
 * directory (live), the stored options, the kv-info hints and the options file. With a
 * database directory its own records decide; the options file alone decides only when there
 * is no database (the CI gate); disagreements between the two are {@code dl.options-drift}'s.
 */
final class DlView {
    static final Set<String> DEFAULT_FLAGS = Set.of("nordahead", "notls");

    /** The Datalevin directory; empty for an options file alone and for a target that is not Datalevin's. */
    final Optional<DatalevinFacts> dir;
    final Optional<StoredOptions> stored;
    final String storedUnavailable;
    final Optional<OptionsFile> file;
    /** Why the target's directory is not judged (an MDB_NOSUBDIR file, a plain LMDB environment). */
    final Optional<String> notDatalevin;

    private DlView(Optional<DatalevinFacts> dir, Optional<StoredOptions> stored, String storedUnavailable,
                   Optional<OptionsFile> file, Optional<String> notDatalevin) {
        this.dir = dir;
        this.stored = stored;
        this.storedUnavailable = storedUnavailable;
        this.file = file;
        this.notDatalevin = notDatalevin;
    }

    static DlView of(CheckContext context) {
        Optional<DatalevinFacts> dir = context.databaseDirectory().isPresent()
                ? Optional.of(context.fact(DatalevinFacts.class)) : Optional.empty();
        Optional<String> notDatalevin = dir.filter(d -> !d.store().datalevin()).map(DatalevinFacts::storeReason);
        dir = dir.filter(d -> d.store().datalevin());
        StoredOptionsFacts s = dir.isPresent() ? context.fact(StoredOptionsFacts.class)
                : StoredOptionsFacts.unavailable(notDatalevin.orElse("the target is an options file alone"));
        Optional<OptionsFile> file = context.target().flatMap(t -> t.optionsFile()).isPresent()
                ? context.fact(OptionsFileFacts.class).file() : Optional.empty();
        return new DlView(dir, s.stored(), s.unavailableReason(), file, notDatalevin);
    }

    /** There is something to judge: a Datalevin directory or an options file. */
    boolean judgeable() {
        return dir.isPresent() || file.isPresent();
    }

    /** The SKIP reason when {@link #judgeable()} is false. */
    String skipReason() {
        return notDatalevin.map(r -> r + "; the dl checks need a Datalevin directory or an options file (--opts)").orElse("no database directory and no options file");
    }

    /**
     * Why the KV flags cannot be judged when {@link #flagSources()} is empty: INFO for a KV store
     * (it does not record the options it is opened with), ERROR when the stored options could not be read.
     */
    Finding flagsUnknown(String flag) {
        String hint = "; pass the options the application opens the database with: --opts FILE.edn";
        if (stored.isPresent()) {
            return Finding.info("cannot judge " + flag + " from the directory: a Datalevin KV store"
                            + " (open-kv) does not record the flags it is opened with (no " + StoredOptions.OPTS
                            + " DBI, and Datalevin 0.10.7+ no longer writes :flags to " + StoredOptions.KV_INFO + ")"
                            + hint)
                    .observed("no " + StoredOptions.OPTS + " DBI; no :flags in " + StoredOptions.KV_INFO)
                    .expected("the flags the store is opened with").evidence(evidence());
        }
        return Finding.error("cannot judge " + flag + ": the stored options could not be read ("
                        + storedUnavailable + ")" + hint)
                .observed(storedUnavailable).expected("readable " + StoredOptions.OPTS).evidence(evidence());
    }

    Optional<OptionsFile> file() {
        return file;
    }

    boolean live() {
        return dir.isPresent();
    }

    /** Every piece of evidence on WAL mode, from the sources that decide it. */
    List<Sourced<Boolean>> walEvidence() {
        List<Sourced<Boolean>> out = new ArrayList<>();
        if (dir.isPresent()) {
            DatalevinFacts d = dir.get();
            out.add(new Sourced<>(d.txlogPresent(), Provenance.DIRECTORY,
                    d.txlogDir() + (d.txlogPresent() ? " exists" : " absent")));
            stored.ifPresent(s -> {
                s.opt("wal?").filter(v -> v.value() instanceof Boolean)
                        .ifPresent(v -> out.add(new Sourced<>((Boolean) v.value(), v.source(), v.evidence())));
                s.kvOpt("wal?").filter(v -> v.value() instanceof Boolean)
                        .ifPresent(v -> out.add(new Sourced<>((Boolean) v.value(), v.source(), v.evidence())));
                List<StoredOptions.Entry> markers = s.walMarkers();
                if (!markers.isEmpty()) {
                    out.add(new Sourced<>(true, Provenance.KV_INFO_HINT, StoredOptions.KV_INFO + " "
                            + markers.stream().map(e -> Values.show(e.key())).toList()));
                }
            });
            return out;
        }
        file.flatMap(OptionsFile::wal).ifPresent(out::add);
        return out;
    }

    /**
     * WAL is on: an authoritative source says so (Datalevin treats a txlog/ directory as
     * :wal? true). kv-info markers are a hint: they decide only when nothing else is known, and
     * never override the directory and the stored options (they outlive a store's WAL).
     */
    boolean walOn() {
        List<Sourced<Boolean>> ev = walEvidence();
        List<Sourced<Boolean>> firm = ev.stream().filter(s -> s.source() != Provenance.KV_INFO_HINT).toList();
        return (firm.isEmpty() ? ev : firm).stream().anyMatch(Sourced::value);
    }

    String walSummary() {
        List<Sourced<Boolean>> ev = walEvidence();
        if (ev.isEmpty()) {
            return "no :wal? given (" + Provenance.DEFAULT.label()
                    + ": off for KV stores and for Datalog stores after 0.10.7; on for 0.10.7 Datalog stores)";
        }
        return String.join("; ", ev.stream().map(DlView::walText).toList());
    }

    private static String walText(Sourced<Boolean> s) {
        switch (s.source()) {
            case DIRECTORY:
                return s.evidence() + " (" + s.source().label() + ")";
            case KV_INFO_HINT:
                return "WAL commit markers (" + s.source().label() + ": " + s.evidence() + ")";
            default:
                return ":wal? " + s.value() + " (" + s.source().label() + ": " + s.evidence() + ")";
        }
    }

    /**
     * The KV flags each source records or gives; the default when the absence of {@code :flags} means
     * "none passed" (an options file, or a Datalog store's recorded {@code :kv-opts}); empty when
     * nothing can tell (a KV store, or unreadable stored options): see {@link #flagsUnknown}.
     */
    List<Sourced<Set<String>>> flagSources() {
        List<Sourced<Set<String>>> out = new ArrayList<>();
        stored.ifPresent(s -> {
            s.kvOpt("flags").ifPresent(v -> out.add(new Sourced<>(names(v.value()), v.source(), v.evidence())));
            s.kvInfo(Keyword.newKeyword("flags")).ifPresent(v ->
                    out.add(new Sourced<>(names(v.value()), v.source(), v.evidence())));
        });
        file.flatMap(OptionsFile::flags).ifPresent(out::add);
        if (out.isEmpty() && file.isPresent()) {
            out.add(new Sourced<>(DEFAULT_FLAGS, Provenance.DEFAULT, "no :flags in the options file "
                    + file.get().path()));
        } else if (out.isEmpty() && stored.map(StoredOptions::hasOpts).orElse(false)) {
            out.add(new Sourced<>(DEFAULT_FLAGS, Provenance.DEFAULT, "no :flags recorded in " + StoredOptions.OPTS
                    + " :kv-opts"));
        }
        return out;
    }

    /** Keyword names of a decoded set; an unsupported value yields a set holding its description. */
    static Set<String> names(Object v) {
        Set<String> out = new TreeSet<>();
        if (v instanceof Set) {
            for (Object o : (Set<?>) v) {
                out.add(o instanceof Keyword ? ((Keyword) o).getName() : String.valueOf(o));
            }
        } else if (v instanceof Unsupported) {
            out.add(v.toString());
        }
        return out;
    }

    /** The flags less the given ones, sorted: what a fix tells the user to keep. */
    static Set<String> without(Set<String> flags, String... remove) {
        Set<String> out = new java.util.TreeSet<>(flags);
        out.removeAll(List.of(remove));
        return out;
    }

    static String show(Set<String> flags) {
        return String.join(" ", flags.stream().map(f -> f.startsWith("unsupported") ? f : ":" + f).toList());
    }

    /** Evidence text: the database directory and/or the options file. */
    String evidence() {
        List<String> parts = new ArrayList<>();
        dir.ifPresent(d -> parts.add(d.directory().toString()));
        notDatalevin.ifPresent(r -> parts.add("directory not judged: " + r));
        file.ifPresent(f -> parts.add("options file " + f.path()));
        return String.join(", ", parts);
    }
}
