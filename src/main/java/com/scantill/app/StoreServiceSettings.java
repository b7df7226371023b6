package com.scantill.app;

/**
 * The store service's own settings, beside the store's address and the Omise key it shares with the tills: where it
 * listens ({@code webhooks.host}, 127.0.0.1 by default, behind the reverse proxy that holds the TLS certificate;
 * {@code webhooks.port}, 8088 by default) and the webhook secret from Omise's dashboard ({@code webhooks.secret}).
 * The environment overrides them: {@code SCANTILL_WEBHOOK_HOST}, {@code SCANTILL_WEBHOOK_PORT},
 * {@code SCANTILL_WEBHOOK_SECRET}. The secret is kept like the secret key, and never printed.
 */
public record StoreServiceSettings(String host, int port, String webhookSecret) {

    static final String HOST = "webhooks.host";
    static final String PORT = "webhooks.port";
    static final String SECRET = "webhooks.secret";
    static final int DEFAULT_PORT = 8088;

    public StoreServiceSettings {
        host = host == null ? "127.0.0.1" : host;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(PORT + " is a port number, 0 to 65535, not " + port);
        }
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "StoreServiceSettings[host=" + host + ", port=" + port + ", webhookSecret=" + (webhookSecret == null ? "none" : "…") + "]";
    }
}
