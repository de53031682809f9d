package dev.dlvaudit.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads an EDN document into a tree that remembers the line of every map entry and vector
 * element, so that a configuration error can name its line (edn-java itself gives none).
 * Maps and vectors are walked here; every other value is read by edn-java.
 */
public final class EdnTree {

    /** A value and the line it starts on: a scalar from edn-java, a {@link MapNode} or a {@code List<Node>}. */
    public record Node(Object value, int line) {
    }

    public record Entry(Node key, Node value) {
    }

    public record MapNode(List<Entry> entries) {
    }

    private final String file;
    private final Source src;
    private final Parser parser = Parsers.newParser(Parsers.defaultConfiguration());

    private EdnTree(String file, String text) {
        this.file = file;
        this.src = new Source(text);
    }

    /** Reads exactly one value from {@code text}; {@code file} names it in errors. */
    public static Node read(String file, String text) {
        EdnTree tree = new EdnTree(file, text);
        Node node = tree.node();
        tree.skipBlank();
        if (tree.src.peek() != -1) {
            throw tree.error(tree.src.line, "expected the end of the file after the value that starts on line "
                    + node.line() + ", found more");
        }
        return node;
    }

    private Node node() {
        skipBlank();
        int line = src.line;
        int c = src.peek();
        if (c == -1) {
            throw error(line, "unexpected end of file: expected a value");
        }
        if (c == '{') {
            src.read();
            List<Entry> entries = new ArrayList<>();
            while (!closes('}', "map", line)) {
                Node key = node();
                skipBlank();
                if (src.peek() == '}' || src.peek() == -1) {
                    throw error(key.line(), "the key " + show(key.value()) + " has no value (a map needs key-value pairs)");
                }
                entries.add(new Entry(key, node()));
            }
            return new Node(new MapNode(entries), line);
        }
        if (c == '[') {
            src.read();
            List<Node> items = new ArrayList<>();
            while (!closes(']', "vector", line)) {
                items.add(node());
            }
            return new Node(items, line);
        }
        if (c == '}' || c == ']' || c == ')') {
            throw error(line, "unexpected '" + (char) c + "': nothing is open here to close");
        }
        try {
            Object value = parser.nextValue(src);
            return new Node(value, line);
        } catch (EdnException e) {
            throw error(src.line, "malformed EDN: " + e.getMessage());
        }
    }

    private boolean closes(char close, String what, int openLine) {
        skipBlank();
        int c = src.peek();
        if (c == -1) {
            throw error(src.line, "unexpected end of file: expected '" + close + "' to close the " + what
                    + " opened on line " + openLine);
        }
        if (c == close) {
            src.read();
            return true;
        }
        if (c == '}' || c == ']' || c == ')') {
            throw error(src.line, "unexpected '" + (char) c + "': expected '" + close + "' to close the " + what
                    + " opened on line " + openLine);
        }
        return false;
    }

    private void skipBlank() {
        while (true) {
            int c = src.peek();
            if (c == ';') {
                while (c != -1 && c != '\n') {
                    src.read();
                    c = src.peek();
                }
            } else if (c != -1 && (Character.isWhitespace(c) || c == ',')) {
                src.read();
            } else {
                return;
            }
        }
    }

    private ConfigException error(int line, String problem) {
        return new ConfigException(file + ":" + line + ": " + problem);
    }

    static String show(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    /** The text, read one character at a time, counting lines as edn-java reads and unreads. */
    private static final class Source implements Parseable {
        private final String text;
        private int pos;
        int line = 1;

        Source(String text) {
            this.text = text;
        }

        int peek() {
            return pos < text.length() ? text.charAt(pos) : -1;
        }

        @Override
        public int read() {
            if (pos >= text.length()) {
                return END_OF_INPUT;
            }
            char c = text.charAt(pos++);
            if (c == '\n') {
                line++;
            }
            return c;
        }

        @Override
        public void unread(int ch) {
            if (ch == END_OF_INPUT || pos == 0) {
                return;
            }
            pos--;
            if (text.charAt(pos) == '\n') {
                line--;
            }
        }

        @Override
        public void close() throws IOException {
        }
    }
}
