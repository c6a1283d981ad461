package org.opennessledger.platform;

/** Starts the whole platform in this JVM with settings from the environment (see {@link PlatformSettings}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Axon prints a multi-line advertisement for its hosted console at start-up unless told not to.
        System.setProperty("disable-axoniq-console-message", "true");
        PlatformSettings settings;
        try {
            settings = PlatformSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("openness-ledger: " + e.getMessage());
            System.exit(2);
            return;
        }
        Platform platform = Platform.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
        System.out.println("Openness Ledger is ready on http://" + settings.httpHost() + ":" + platform.httpPort());
    }
}
