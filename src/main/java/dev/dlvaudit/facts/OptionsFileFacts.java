package dev.dlvaudit.facts;

import dev.dlvaudit.datalevin.OptionsFile;
import java.util.Optional;

/** The target's EDN options file ({@code --opts}), if one was given. */
public record OptionsFileFacts(Optional<OptionsFile> file) {
}
