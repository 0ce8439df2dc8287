package io.chartersync.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a backup wrote or a restore brought back, for the operator to read. */
public record Summary(
        Path file,
        long bytes,
        String schemaVersion,
        int tables,
        long rows,
        Map<String, Integer> files,
        boolean auditIntact,
        long auditEntries,
        String auditHead,
        String auditProblem) {

    public Summary {
        files = new TreeMap<>(files);
    }

    static Summary of(Path file, long bytes, Manifest manifest, Manifest.Audit audit) {
        Map<String, Integer> files = new TreeMap<>();
        for (Folder folder : Folder.values()) {
            String prefix = folder.directory() + "/";
            int n = (int) manifest.entries().keySet().stream()
                    .filter(e -> e.startsWith(prefix))
                    .count();
            if (n > 0) {
                files.put(folder.directory(), n);
            }
        }
        long rows = manifest.tables().stream().mapToLong(Manifest.Table::rows).sum();
        return new Summary(
                file,
                bytes,
                manifest.schemaVersion(),
                manifest.tables().size(),
                rows,
                files,
                audit.intact(),
                audit.entries(),
                audit.head(),
                audit.problem());
    }

    /** The lines that tell the operator what is in it. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("  database: schema version " + schemaVersion + ", " + tables + " tables, " + rows + " rows");
        lines.add("  files: "
                + (files.isEmpty()
                        ? "none"
                        : String.join(
                                ", ",
                                files.entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .toList())));
        lines.add(
                auditIntact
                        ? "  audit log: " + auditEntries + " entries, chain intact, head " + auditHead
                        : "  audit log: BROKEN (" + auditProblem + ")");
        return lines;
    }
}
