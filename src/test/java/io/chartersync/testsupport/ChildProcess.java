package io.chartersync.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java main class run as its own process on the test classpath, with the same java binary, a clean
 * environment (only PATH and HOME are inherited) and stdout + stderr captured to one file. Closing it
 * stops the process and whatever it started that is still its descendant: use try-with-resources, so a
 * failing test leaks nothing.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(20);
    /** Kept after the test (under target/, so {@code mvn clean} removes them) to read when one fails. */
    private static final Path LOGS = Path.of("target", "child-processes");

    private final Process process;
    private final Path output;
    private final String name;

    private ChildProcess(Process process, Path output, String name) {
        this.process = process;
        this.output = output;
        this.name = name;
    }

    /** Starts {@code mainClass} with {@code args}; {@code env} is added to PATH and HOME. */
    public static ChildProcess start(Class<?> mainClass, Map<String, String> env, String... args) {
        return start(mainClass.getName(), env, args);
    }

    public static ChildProcess start(String mainClass, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(List.of(
                "-Duser.timezone=America/New_York",
                "-Duser.language=de",
                "-Duser.country=DE",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return launch(command, env, mainClass.substring(mainClass.lastIndexOf('.') + 1), args);
    }

    /**
     * Runs a self-contained jar ({@code java -jar}) with the same java binary, kept off the test classpath:
     * a tool like s3proxy whose classes would clash with the program's.
     */
    public static ChildProcess startJar(Path jar, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                javaCommand(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        String fileName = jar.getFileName().toString();
        return launch(command, env, fileName.replaceFirst("\\.jar$", ""), args);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command"));
    }

    private static ChildProcess launch(
            List<String> command, Map<String, String> env, String simpleName, String... args) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        Map<String, String> inherited = new HashMap<>(environment);
        environment.clear();
        for (String kept : List.of("PATH", "HOME")) {
            Optional.ofNullable(inherited.get(kept)).ifPresent(v -> environment.put(kept, v));
        }
        environment.putAll(env);
        try {
            Files.createDirectories(LOGS);
            Path log = Files.createTempFile(LOGS, simpleName + "-", ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
            return new ChildProcess(builder.start(), log, (simpleName + " " + String.join(" ", args)).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + simpleName, e);
        }
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + output, e);
        }
    }

    public List<String> lines() {
        return output().lines().toList();
    }

    /** Waits for the first line that {@code matches}; fails early, with the output, if the process ends. */
    public String awaitLine(Predicate<String> matches, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            boolean ended = !process.isAlive();
            Optional<String> line = lines().stream().filter(matches).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (ended) {
                throw new AssertionError(name + " ended with " + process.exitValue()
                        + " before printing the line awaited:\n" + output());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " did not print the line awaited within " + timeout + ":\n" + output());
            }
            sleep(100);
        }
    }

    public String awaitLineStartingWith(String prefix, Duration timeout) {
        return awaitLine(l -> l.startsWith(prefix), timeout);
    }

    /** Waits for the process to end by itself and answers its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not exit within " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks the process to stop (SIGTERM: shutdown hooks run) and waits for it; answers the exit code. */
    public int stop() {
        process.destroy();
        try {
            if (process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        throw new AssertionError(name + " did not stop within " + GRACE + " of SIGTERM:\n" + output());
    }

    /** The file holding the output. */
    public Path outputFile() {
        return output;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the process and its descendants (no shutdown hooks run); a no-op once it has ended. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
