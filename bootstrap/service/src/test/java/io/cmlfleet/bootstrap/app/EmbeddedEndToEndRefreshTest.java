package io.cmlfleet.bootstrap.app;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end refresh on the embedded H2 file store. */
class EmbeddedEndToEndRefreshTest extends EndToEndRefreshContract {

    @TempDir
    Path dataDir;

    @Override
    Map<String, Object> storeProperties() {
        return Map.of("cmlfleet.storage.data-dir", dataDir.toString());
    }
}
