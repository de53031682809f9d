package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;

/** No sampling unless the command replaces this provider with one carrying {@code --sample}. */
public final class SampleSettingsProvider implements FactProvider<SampleSettings> {
    private final SampleSettings settings;

    public SampleSettingsProvider() {
        this(SampleSettings.none());
    }

    public SampleSettingsProvider(SampleSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<SampleSettings> type() {
        return SampleSettings.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public SampleSettings read(CheckContext context) {
        return settings;
    }
}
