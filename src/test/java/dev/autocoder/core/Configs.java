package dev.autocoder.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Valid configurations for tests, varied one value at a time. */
final class Configs {

    private Configs() {
    }

    static AutocoderConfig.ModelOptions model() {
        return new AutocoderConfig.ModelOptions(URI.create("http://127.0.0.1:9/v1"), "test-model", Optional.empty(), 30, 0, 0.01, 0.01, 2, 0, 0, 0, AutocoderConfig.Mode.LIVE);
    }

    static AutocoderConfig.Limits limits() {
        return new AutocoderConfig.Limits(10, 10, 2, 1, 120, 24_000);
    }

    static AutocoderConfig withSpecs(Path specDirectory, boolean explicit) {
        Path base = specDirectory.getParent();
        AutocoderConfig.Paths paths = new AutocoderConfig.Paths(base, specDirectory, explicit,
                base.resolve("target/generated-sources/autocoder"), base.resolve("target/generated-test-sources/autocoder"),
                base.resolve("target/autocoder"), base.resolve("autocoder.lock.json"), base.resolve("cassette.jsonl"),
                Optional.empty());
        return new AutocoderConfig(paths, model(), limits(), Optional.empty(), Map.of("scale", "2"), false, "default",
                "test");
    }
}
