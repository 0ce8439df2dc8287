package io.chartersync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The {@code .eml} files the embedded mail transport wrote, read as plain text. */
public final class Mailbox {
    private static final Pattern MAGIC_LINK = Pattern.compile("/m/([A-Za-z0-9_-]{43})");
    private final Path dir;

    public Mailbox(Path dir) {
        this.dir = dir;
    }

    public List<Path> all() {
        try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The emails containing every one of {@code texts} (a header line such as "To: x@y", a subject prefix). */
    public List<Path> containing(String... texts) {
        return all().stream()
                .filter(p -> Stream.of(texts).allMatch(read(p)::contains))
                .toList();
    }

    /** The emails to {@code memberId}'s roster address whose subject starts with {@code subjectPrefix}. */
    public List<Path> to(String memberId, String subjectPrefix) {
        return containing("To: " + memberId + "@crew.example.com", "Subject: " + subjectPrefix);
    }

    /** The magic-link token in an email. */
    public static String magicToken(Path email) {
        Matcher m = MAGIC_LINK.matcher(read(email));
        assertThat(m.find()).as("a magic link in " + email).isTrue();
        return m.group(1);
    }

    /** Every distinct magic-link token in an email (none in a summary, one in an invitation). */
    public static List<String> magicTokens(Path email) {
        return MAGIC_LINK
                .matcher(read(email))
                .results()
                .map(r -> r.group(1))
                .distinct()
                .toList();
    }

    /** Every distinct magic-link token in every email written so far. */
    public List<String> magicTokens() {
        return all().stream().flatMap(e -> magicTokens(e).stream()).distinct().toList();
    }

    /**
     * An email as its reader sees it: the raw file, then the decoded subject and the decoded text of
     * every part (so a quoted-printable soft line break cannot split what a scan looks for).
     */
    public static String decoded(Path email) {
        try (InputStream in = Files.newInputStream(email)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            StringBuilder text = new StringBuilder(read(email))
                    .append("\n")
                    .append(message.getSubject())
                    .append("\n");
            appendParts(message, text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("not a MIME message: " + email, e);
        }
    }

    /** The decoded text of an email's part of {@code mimeType} ({@code text/plain}, {@code text/html}). */
    public static String part(Path email, String mimeType) {
        try (InputStream in = Files.newInputStream(email)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            StringBuilder text = new StringBuilder();
            appendParts(message, text, mimeType);
            assertThat(text).as("a " + mimeType + " part in " + email).isNotEmpty();
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("not a MIME message: " + email, e);
        }
    }

    private static void appendParts(Part part, StringBuilder text, String mimeType)
            throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                appendParts(multipart.getBodyPart(i), text, mimeType);
            }
        } else if (part.isMimeType(mimeType)) {
            text.append(content);
        }
    }

    private static void appendParts(Part part, StringBuilder text) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                appendParts(child, text);
            }
        } else {
            text.append(content).append('\n');
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every file under {@code dir} (the directory itself stays). */
    public static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(dir))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
