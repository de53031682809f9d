package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.SwapDevices;

public final class SwapDevicesProvider implements FactProvider<SwapDevices> {
    @Override
    public Class<SwapDevices> type() {
        return SwapDevices.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public SwapDevices read(CheckContext context) {
        return SwapDevices.read(context.fact(HostFiles.class));
    }
}
