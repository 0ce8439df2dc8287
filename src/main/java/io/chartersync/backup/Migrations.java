package io.chartersync.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The schema version this program migrates to: the highest {@code V<version>__…} migration on its class
 * path (a directory in development and tests, the jar in use), found without touching any database, so a
 * restore can refuse an archive of another version before it creates anything.
 */
final class Migrations {
    private static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__[^/]*\\.(?:sql|class)");

    private Migrations() {}

    static MigrationVersion latest() {
        URL url = Migrations.class.getClassLoader().getResource(LOCATION);
        if (url == null) {
            throw new IllegalStateException("no " + LOCATION + " on the class path");
        }
        List<String> names = names(url);
        return names.stream()
                .map(VERSIONED::matcher)
                .filter(Matcher::matches)
                .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                .max(MigrationVersion::compareTo)
                .orElseThrow(() -> new IllegalStateException("no migrations in " + url));
    }

    private static List<String> names(URL url) {
        try {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = LOCATION + "/";
                    List<String> names = new ArrayList<>();
                    for (var entry : Collections.list(jar.entries())) {
                        Optional.of(entry.getName())
                                .filter(n -> n.startsWith(prefix))
                                .map(n -> n.substring(prefix.length()))
                                .ifPresent(names::add);
                    }
                    return names;
                }
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(p -> p.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("could not list " + url, e);
        }
    }
}
