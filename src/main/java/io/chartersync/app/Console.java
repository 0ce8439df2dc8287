package io.chartersync.app;

import java.nio.file.Path;

/** What the server prints when it starts. */
final class Console {
    private Console() {}

    static void started(Application app) {
        AppConfig c = app.config();
        System.out.println("Charter Sync is running at " + app.baseUrl());
        System.out.println("  mode:      "
                + (c.production() ? "production (DATABASE_URL)" : "embedded (data in " + c.dataDir() + ")"));
        System.out.println("  mail:      "
                + c.mail().smtp().map(smtp -> "SMTP " + smtp.display()).orElse(".eml files in " + app.mailDirectory()));
        System.out.println("  pages:     "
                + c.storage()
                        .url()
                        .map(Object::toString)
                        .orElse("files in " + c.dataDir().resolve("site"))
                + c.storage()
                        .cdnDistributionId()
                        .map(id -> " (CloudFront " + id + ")")
                        .orElse(""));
        Path secrets = app.secrets().directory();
        if (!c.production()) {
            System.out.println("  secrets:   " + secrets + " (operator token: " + Secrets.DASHBOARD_TOKEN_FILE
                    + ", crew-service key: " + Secrets.SERVICE_KEY_FILE + ")");
        }
        System.out.println("  health:    " + app.baseUrl() + "/healthz   metrics: " + app.baseUrl() + "/metrics");
        System.out.println("Press Ctrl-C to stop.");
    }
}
