package io.chartersync.crew;

import java.util.Optional;

/**
 * The crew page's model: the member's view, the answer a POST just recorded (if any), where the form
 * posts with its CSRF token, and the member's feed ({@code webcal://} for calendar apps, and https).
 */
public record CrewPage(
        CrewView view,
        Optional<CrewAnswer> answered,
        String respondUrl,
        String csrf,
        String feedUrl,
        String webcalUrl) {
    public boolean justConfirmed() {
        return answered.filter(a -> a == CrewAnswer.CONFIRM).isPresent();
    }

    public boolean justDeclined() {
        return answered.filter(a -> a == CrewAnswer.DECLINE).isPresent();
    }

    /** The answer in words, for the member's own line. */
    public String answerText() {
        return CrewAnswer.yoursOf(view.answer());
    }
}
