package dev.dlvaudit.engine;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads facts on demand and keeps them for the run: host facts once, database facts once per
 * target. A failure is kept too, so every check that asks gets the same reason.
 */
public final class FactStore {
    private final Map<Class<?>, FactProvider<?>> providers = new HashMap<>();
    private final Map<Key, Memo> memos = new ConcurrentHashMap<>();

    public FactStore(List<FactProvider<?>> providers) {
        for (FactProvider<?> p : providers) {
            this.providers.put(p.type(), p);
        }
    }

    public static FactStore fromServiceLoader(ClassLoader loader) {
        List<FactProvider<?>> list = new java.util.ArrayList<>();
        for (FactProvider<?> p : ServiceLoader.load(FactProvider.class, loader)) {
            list.add(p);
        }
        return new FactStore(list);
    }

    /** Replaces or adds a provider (tests and plugins). */
    public FactStore with(FactProvider<?> provider) {
        providers.put(provider.type(), provider);
        return this;
    }

    <T> T get(Class<T> type, CheckContext context) {
        FactProvider<?> provider = providers.get(type);
        if (provider == null) {
            throw new FactException("no provider reads facts of type " + type.getName());
        }
        Target target = provider.scope() == Scope.DATABASE
                ? context.target().orElseThrow(() -> new FactException(
                        type.getSimpleName() + " describes a database, and this check has none"))
                : null;
        Memo memo = memos.computeIfAbsent(new Key(type, target), k -> new Memo());
        return type.cast(memo.get(provider, context));
    }

    /** A database fact already read for {@code target} during the run, without reading anything. */
    public <T> java.util.Optional<T> cached(Class<T> type, Target target) {
        Memo memo = memos.get(new Key(type, target));
        return memo == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(type.cast(memo.peek()));
    }

    /** A plain class, not a record: a record's first hashCode spins classes at run time (start-up cost). */
    private static final class Key {
        private final Class<?> type;
        private final Target target;

        Key(Class<?> type, Target target) {
            this.type = Objects.requireNonNull(type);
            this.target = target;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).type == type && Objects.equals(((Key) o).target, target);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Objects.hashCode(target);
        }
    }

    private static final class Memo {
        private boolean done;
        private Object value;
        private RuntimeException failure;

        synchronized Object peek() {
            return done && failure == null ? value : null;
        }

        synchronized Object get(FactProvider<?> provider, CheckContext context) {
            if (!done) {
                try {
                    value = provider.read(context);
                } catch (FactException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new FactException(describe(e), e);
                } catch (Exception e) {
                    failure = new FactException(describe(e), e);
                }
                done = true;
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }

        private static String describe(Exception e) {
            if (e instanceof java.nio.file.NoSuchFileException) {
                return e.getMessage() + ": no such file";
            }
            if (e instanceof java.nio.file.AccessDeniedException) {
                return e.getMessage() + ": permission denied";
            }
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
    }
}
