package dev.dlvaudit.datalevin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * The options map an application passes to Datalevin ({@code get-conn} / {@code open-kv}),
 * as an EDN file, e.g. {@code {:wal? true :kv-opts {:mapsize 10000 :max-readers 1024
 * :flags #{:nordahead :notls}}}}. Unknown keys are allowed; the ones the checks use are
 * type-checked, at the top level and under {@code :kv-opts} (where Datalog stores take KV
 * options; the {@code :kv-opts} value wins when both are given).
 */
public record OptionsFile(Path path, Map<?, ?> map, Optional<Sourced<Boolean>> wal,
                          Optional<Sourced<Long>> mapsizeMiB, Optional<Sourced<Long>> maxReaders,
                          Optional<Sourced<Set<String>>> flags) {

    /** Larger files are refused: an options map is a few hundred bytes. */
    public static final int MAX_BYTES = 1 << 20;
    static final Keyword KV_OPTS = Keyword.newKeyword("kv-opts");

    public static OptionsFile read(Path path) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new OptionsFileException(path, 0, 0, "cannot read the options file: " + e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new OptionsFileException(path, 0, 0, "larger than " + MAX_BYTES + " bytes; expected a small EDN options map");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new OptionsFileException(path, 0, 0, "not UTF-8 text; expected an EDN map");
        }
        return parse(path, text);
    }

    public static OptionsFile parse(Path path, String text) {
        Counting in = new Counting(text);
        Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
        Object value;
        try {
            value = parser.nextValue(in);
        } catch (EdnException | IllegalArgumentException | ClassCastException e) {
            throw in.error(path, "malformed EDN (" + describe(e) + "); expected one map such as {:wal? true}");
        } catch (StackOverflowError e) {
            throw in.error(path, "nested too deeply; expected an options map");
        }
        if (value == Parser.END_OF_INPUT) {
            throw new OptionsFileException(path, in.line(), in.column(), "empty; expected an EDN map such as {:wal? true}");
        }
        if (!(value instanceof Map)) {
            throw new OptionsFileException(path, 1, 1, "expected an EDN map {…} at the top level, found "
                    + Values.show(value));
        }
        int afterLine = in.line();
        int afterColumn = in.column();
        Object more;
        try {
            more = parser.nextValue(in);
        } catch (EdnException e) {
            throw in.error(path, "malformed EDN after the options map (" + describe(e) + ")");
        }
        if (more != Parser.END_OF_INPUT) {
            throw new OptionsFileException(path, afterLine, afterColumn,
                    "expected the end of the file after the options map, found " + Values.show(more));
        }
        Map<?, ?> top = (Map<?, ?>) value;
        Map<?, ?> kv = null;
        if (top.containsKey(KV_OPTS)) {
            Object k = top.get(KV_OPTS);
            if (!(k instanceof Map)) {
                throw typeError(path, text, List.of("kv-opts"), "a map of KV options", k);
            }
            kv = (Map<?, ?>) k;
        }
        return new OptionsFile(path, top,
                pick(path, text, top, kv, "wal?", OptionsFile::bool, "true or false"),
                pick(path, text, top, kv, "mapsize", v -> positiveLong(v, Long.MAX_VALUE >> 20), "a whole number of MiB"),
                pick(path, text, top, kv, "max-readers", v -> positiveLong(v, Integer.MAX_VALUE), "a whole number (an int)"),
                pick(path, text, top, kv, "flags", OptionsFile::keywordSet, "a set of keywords such as #{:nordahead :notls}"));
    }

    private interface Conv<T> {
        /** Null when the value has the wrong type. */
        T convert(Object v);
    }

    private static <T> Optional<Sourced<T>> pick(Path path, String text, Map<?, ?> top, Map<?, ?> kv,
                                                 String name, Conv<T> conv, String expected) {
        Keyword key = Keyword.newKeyword(name);
        Optional<Sourced<T>> found = Optional.empty();
        for (Map<?, ?> m : kv == null ? List.of(top) : List.of(top, kv)) {
            if (m.containsKey(key)) {
                List<String> keyPath = m == top ? List.of(name) : List.of("kv-opts", name);
                T v = conv.convert(m.get(key));
                if (v == null) {
                    throw typeError(path, text, keyPath, expected, m.get(key));
                }
                String where = path + " " + String.join(" ", keyPath.stream().map(s -> ":" + s).toList());
                found = Optional.of(new Sourced<>(v, Provenance.OPTIONS_FILE, where));
            }
        }
        return found;
    }

    private static Boolean bool(Object v) {
        return v instanceof Boolean ? (Boolean) v : null;
    }

    private static Long positiveLong(Object v, long max) {
        return v instanceof Long && (Long) v > 0 && (Long) v <= max ? (Long) v : null;
    }

    private static Set<String> keywordSet(Object v) {
        if (!(v instanceof Set)) {
            return null;
        }
        Set<String> out = new TreeSet<>();
        for (Object o : (Set<?>) v) {
            if (!(o instanceof Keyword)) {
                return null;
            }
            out.add(((Keyword) o).getName());
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(out));
    }

    private static OptionsFileException typeError(Path path, String text, List<String> keyPath, String expected, Object got) {
        int[] at = locate(text, keyPath);
        String keys = String.join(" ", keyPath.stream().map(s -> ":" + s).toList());
        return new OptionsFileException(path, at[0], at[1], keys + ": expected " + expected + ", found "
                + Values.show(got));
    }

    /** Line and column of the last key of {@code keyPath} (after the first one), best effort. */
    static int[] locate(String text, List<String> keyPath) {
        int from = 0;
        for (String k : keyPath) {
            Matcher m = Pattern.compile(":" + Pattern.quote(k) + "(?=[\\s,{}\\[\\]()#\"]|$)").matcher(text);
            if (!m.find(from)) {
                return new int[] {0, 0};
            }
            from = m.start();
        }
        return position(text, from);
    }

    static int[] position(String text, int index) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** A Parseable over the text that knows where the parser is (edn-java does not report positions). */
    static final class Counting implements Parseable {
        private final String text;
        private int pos;

        Counting(String text) {
            this.text = text;
        }

        @Override
        public int read() {
            return pos < text.length() ? text.charAt(pos++) : END_OF_INPUT;
        }

        @Override
        public void unread(int ch) {
            if (ch != END_OF_INPUT && pos > 0) {
                pos--;
            }
        }

        @Override
        public void close() {
        }

        /** Position of the last character read. */
        int line() {
            return position(text, Math.max(0, pos - 1))[0];
        }

        int column() {
            return position(text, Math.max(0, pos - 1))[1];
        }

        OptionsFileException error(Path path, String problem) {
            return new OptionsFileException(path, line(), column(), problem);
        }
    }
}
