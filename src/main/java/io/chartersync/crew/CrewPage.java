package io.chartersync.crew;

/**
 * The crew page's model: the member's view, the answer a POST just recorded (if any), where the form
 * posts with its CSRF token, and the member's feed ({@code webcal://} for calendar apps, and https).
 */
public record CrewPage(
        CrewView view, String answered, String respondUrl, String csrf, String feedUrl, String webcalUrl) {
    public boolean justConfirmed() {
        return "confirm".equals(answered);
    }

    public boolean justDeclined() {
        return "decline".equals(answered);
    }

    /** The answer in words, for the member's own line. */
    public String answerText() {
        return view.answer()
                .map(a -> a.equals("confirm") ? "You confirmed" : "You declined")
                .orElse("You have not answered yet");
    }
}
