package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.ThpBootSetting;

public final class ThpBootSettingProvider implements FactProvider<ThpBootSetting> {
    @Override
    public Class<ThpBootSetting> type() {
        return ThpBootSetting.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public ThpBootSetting read(CheckContext context) {
        HostFiles files = context.fact(HostFiles.class);
        return ThpBootSetting.read(files);
    }
}
