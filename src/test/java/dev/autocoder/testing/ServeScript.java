package dev.autocoder.testing;

import java.nio.file.Path;

/**
 * Serves a fake-model script on 127.0.0.1 until stopped, for recording a cassette by hand:
 * {@code java -cp ... dev.autocoder.testing.ServeScript src/it/live-refines/script.json}.
 */
public final class ServeScript {

    private ServeScript() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ServeScript <script.json>");
            System.exit(2);
        }
        FakeOpenAiServer server = FakeOpenAiServer.fromScript(Path.of(args[0]));
        System.out.println(server.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
