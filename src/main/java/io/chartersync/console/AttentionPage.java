package io.chartersync.console;

import java.util.List;
import java.util.Optional;

/**
 * Needs attention: every booking with something for the operator, newest first, each item in words with the
 * action that fixes it. Built from {@link Cards} and these records only: no revenue, no internal note.
 */
public record AttentionPage(
        Shell shell, Optional<String> notice, List<FailingFeed> feeds, List<Entry> entries, boolean more) {

    /** A marketplace feed that failed three times in a row or more, in words, with its id (for Poll now). */
    public record FailingFeed(String id, String text) {}

    /** A booking and what needs the operator on it. */
    public record Entry(Cards card, List<Item> items) {}

    /** One attention item: its kind in words, the detail, since when, and the fix. */
    public record Item(String kind, String detail, String since, Action action) {}

    /** What fixes an item: a form posting to {@code href}, or a link to it, or nothing to do here. */
    public record Action(Type type, String label, String href, String member, String email, List<Choice> choices) {
        public Action {
            choices = List.copyOf(choices);
        }

        static Action none() {
            return new Action(Type.NONE, "", "", "", "", List.of());
        }

        static Action link(String label, String href) {
            return new Action(Type.LINK, label, href, "", "", List.of());
        }
    }

    /** How an action is shown. */
    public enum Type {
        REPLACE,
        RESEND_INVITATION,
        RESEND_EMAIL,
        RETRY,
        /** A booking gone from its feed: cancel it (the booking's cancel), or keep it ({@code href}). */
        CANCEL_OR_KEEP,
        LINK,
        NONE
    }

    /** A crew member one may put in a decliner's place. */
    public record Choice(String id, String label) {}
}
