package dev.dlvaudit.facts;

import java.time.Duration;
import java.util.Optional;

/** How long to sample activity ({@code --sample SECONDS}); empty when the run does not sample. */
public record SampleSettings(Optional<Duration> duration) {
    public static SampleSettings none() {
        return new SampleSettings(Optional.empty());
    }
}
